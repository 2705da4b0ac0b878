package io.guanxi.crm.activity;

public enum ActivityPriority {
    LOW, NORMAL, HIGH
}
