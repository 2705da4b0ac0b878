package io.guanxi.crm.platform.jobs;

public enum JobState {
    RUNNING, SUCCEEDED, FAILED
}
