package io.guanxi.crm.lead;

import java.util.Set;

/** Where a lead stands (SPEC §3); CONVERTED and LOST are closed. */
public enum LeadStatus {
    NEW, CONTACTED, QUALIFIED, CONVERTED, LOST;

    public static final Set<LeadStatus> OPEN = Set.of(NEW, CONTACTED, QUALIFIED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
