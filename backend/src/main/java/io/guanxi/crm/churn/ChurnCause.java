package io.guanxi.crm.churn;

import io.guanxi.crm.platform.db.SqlLists;

/**
 * Why a customer left (000: 正常流失 vs 不正常流失). Normal churn is beyond the company's reach (the customer
 * moved, closed the business, no longer needs what we sell); abnormal churn is something the company did
 * or failed to do, and is what a win-back plan works on. OTHER is a cause found but outside the list
 * (the analysis says which); it counts as abnormal, because it was not shown to be out of our hands.
 */
public enum ChurnCause {
    MOVED(true), BUSINESS_CLOSED(true), NEED_ENDED(true),
    SERVICE(false), QUALITY(false), PRICE(false), COMPETITOR(false), COMPLAINT_UNRESOLVED(false), OTHER(false);

    /** The normal causes as an SQL list, from {@link #isNormal()}. */
    public static final String NORMAL_SQL = SqlLists.inList(values(), ChurnCause::isNormal);

    private final boolean normal;

    ChurnCause(boolean normal) {
        this.normal = normal;
    }

    public boolean isNormal() {
        return normal;
    }
}
