package io.guanxi.crm.platform.error;

/** The {@code type} URIs of Guanxi problem responses; each names one kind of failure. */
public final class ProblemTypes {
    private static final String BASE = "urn:guanxi:problem:";

    public static final String BAD_REQUEST = BASE + "bad-request";
    public static final String VALIDATION = BASE + "validation";
    public static final String MALFORMED_JSON = BASE + "malformed-json";
    public static final String UNAUTHORIZED = BASE + "unauthorized";
    public static final String FORBIDDEN = BASE + "forbidden";
    public static final String NOT_FOUND = BASE + "not-found";
    public static final String METHOD_NOT_ALLOWED = BASE + "method-not-allowed";
    public static final String CONFLICT = BASE + "conflict";
    public static final String DUPLICATE_CONTACT = BASE + "duplicate-contact";
    /** The customer's personal data was erased (issue 19); the profile cannot be edited back into a person. */
    public static final String CONTACT_ANONYMISED = BASE + "contact-anonymised";
    public static final String PRECONDITION_FAILED = BASE + "stale-version";
    public static final String PRECONDITION_REQUIRED = BASE + "if-match-required";
    public static final String PAYLOAD_TOO_LARGE = BASE + "payload-too-large";
    public static final String LENGTH_REQUIRED = BASE + "length-required";
    public static final String URI_TOO_LONG = BASE + "uri-too-long";
    public static final String HEADERS_TOO_LARGE = BASE + "headers-too-large";
    public static final String UNSUPPORTED_MEDIA_TYPE = BASE + "unsupported-media-type";
    public static final String NOT_ACCEPTABLE = BASE + "not-acceptable";
    public static final String TOO_MANY_REQUESTS = BASE + "too-many-requests";
    public static final String QUERY_TIMEOUT = BASE + "query-timeout";
    /** The database cannot be reached right now (stopped, restarting, failing over): retry after Retry-After. */
    public static final String SERVICE_UNAVAILABLE = BASE + "service-unavailable";
    public static final String IDEMPOTENCY_KEY_REUSED = BASE + "idempotency-key-reused";
    public static final String IDEMPOTENCY_KEY_IN_FLIGHT = BASE + "idempotency-key-in-flight";
    public static final String DUPLICATE_ORDER = BASE + "duplicate-order";
    public static final String REFUND_EXCEEDS_PAYMENT = BASE + "refund-exceeds-payment";
    public static final String JOB_ALREADY_RUNNING = BASE + "job-already-running";
    public static final String ILLEGAL_TRANSITION = BASE + "illegal-transition";
    public static final String INSUFFICIENT_POINTS = BASE + "insufficient-points";
    public static final String OUT_OF_STOCK = BASE + "out-of-stock";
    public static final String REWARD_UNAVAILABLE = BASE + "reward-unavailable";
    public static final String SURVEY_CLOSED = BASE + "survey-closed";
    public static final String SURVEY_NO_CONSENT = BASE + "survey-no-consent";
    public static final String SURVEY_TOO_SOON = BASE + "survey-too-soon";
    public static final String SURVEY_ARCHIVED = BASE + "survey-archived";
    /** The contact was merged into another (issue 20 §3); {@code mergedInto} names the survivor. */
    public static final String CONTACT_MERGED = BASE + "contact-merged";
    /** A merge cannot be undone without losing data (issue 20 §3); the detail says why. */
    public static final String MERGE_NOT_UNDOABLE = BASE + "merge-not-undoable";
    public static final String INTERNAL = BASE + "internal-error";
    // issue 20: imports
    /** The uploaded file is not a CSV or XLSX the import can read (wrong type, broken, no header, no rows). */
    public static final String IMPORT_UNREADABLE = BASE + "import-unreadable";
    /** The import is not in the state the operation needs (committed already, still running, undone). */
    public static final String IMPORT_STATE = BASE + "import-state";
    /** Undo refused: a contact the import created has gained records since, or the 7 days are over. */
    public static final String IMPORT_UNDO_BLOCKED = BASE + "import-undo-blocked";

    private ProblemTypes() {
    }
}
