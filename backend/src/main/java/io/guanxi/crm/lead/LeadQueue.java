package io.guanxi.crm.lead;

/** Work queues over open leads: my leads, leads nobody owns yet, leads at or above the priority score. */
public enum LeadQueue {
    MINE, UNASSIGNED, PRIORITY
}
