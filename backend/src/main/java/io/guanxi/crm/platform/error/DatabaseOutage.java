package io.guanxi.crm.platform.error;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Recognises a failure that means "the database cannot be reached right now" (stopped, restarting, failing over,
 * the pool exhausted), as opposed to a failure of the request itself. Such a request is answered 503 with
 * Retry-After: the client may retry, and an Idempotency-Key makes a retried write safe.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JDBCConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isPoolTimeout(sql))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Class 08 (connection exception) and 57P01–57P05 (the server is shutting down, crashed, starting up, the database
     * dropped, an idle session ended). 57014 (a statement timeout) is the request's own fault and stays out.
     */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /**
     * Agroal reports an acquisition timeout and a closed pool as a plain SQLException with no SQLState; when the
     * timeout comes from a failing connect, the driver's class-08 exception is its cause and is found above.
     */
    private static boolean isPoolTimeout(SQLException sql) {
        StackTraceElement[] frames = sql.getStackTrace();
        return sql.getSQLState() == null && frames.length > 0 && frames[0].getClassName().startsWith("io.agroal.");
    }
}
