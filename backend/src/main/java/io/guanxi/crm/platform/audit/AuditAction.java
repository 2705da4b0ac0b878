package io.guanxi.crm.platform.audit;

/** What an audit entry records (issue 19 item 6). */
public enum AuditAction {
    CREATE, UPDATE, DELETE,
    /** Someone opened a customer's full profile (the 360 view). */
    READ_PROFILE,
    /** A file of personal data left the system (list exports, analytics drills, a rights request's copy). */
    EXPORT,
    /** A masked mobile or email shown in full. */
    REVEAL,
    /** A customer's personal data erased (a deletion request or the retention review). */
    ANONYMISE,
    CONSENT_GRANTED, CONSENT_WITHDRAWN,
    /** A rights request changed state (received, verified, fulfilled, refused). */
    PRIVACY_REQUEST,
    /** The retention review: a customer listed, approved or kept. */
    RETENTION,
    /** Contacts merged into one, or a merge undone (issue 20 §3). */
    MERGE, MERGE_UNDONE
}
