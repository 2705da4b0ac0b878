package io.guanxi.crm.platform.http;

import io.guanxi.crm.platform.error.ProblemException;
import io.guanxi.crm.platform.error.ProblemTypes;
import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic concurrency over HTTP: a resource's ETag is its version, and an update must name the
 * version it was based on in {@code If-Match}.
 */
public final class IfMatch {

    private IfMatch() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version the client read; 428 when it did not say (a bare {@code *} names no version and would
     * overwrite blindly), 412 when it is not a version of ours. A weak tag is read like a strong one: a
     * compressing proxy in front of the service turns {@code "5"} into {@code W/"5"} on the way out.
     */
    public static long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            throw new ProblemException(428, ProblemTypes.PRECONDITION_REQUIRED, "Precondition required",
                    "Send If-Match with the ETag you read, so that no one else's change is overwritten");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw stale();
        }
    }

    /** Fails with 412 unless the client's version is the current one. */
    public static void check(String ifMatch, long currentVersion) {
        if (requiredVersion(ifMatch) != currentVersion) {
            throw stale();
        }
    }

    public static ProblemException stale() {
        return new ProblemException(412, ProblemTypes.PRECONDITION_FAILED, "Precondition failed",
                "Someone else changed this record since you read it; reload it and apply your change again");
    }
}
