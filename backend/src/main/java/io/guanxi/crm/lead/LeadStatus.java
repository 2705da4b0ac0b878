package io.guanxi.crm.lead;

import io.guanxi.crm.platform.db.SqlLists;
import java.util.Set;

/** Where a lead stands (SPEC §3); CONVERTED and LOST are closed. */
public enum LeadStatus {
    NEW, CONTACTED, QUALIFIED, CONVERTED, LOST;

    public static final Set<LeadStatus> OPEN = Set.of(NEW, CONTACTED, QUALIFIED);

    /** {@link #OPEN} as an SQL list, for {@code status IN …}. */
    public static final String OPEN_SQL = SqlLists.inList(values(), OPEN::contains);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
