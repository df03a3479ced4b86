package org.linkwork.platform.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure caused by the database being unreachable (down, restarting, refusing
 * connections) rather than by the request: such a request may succeed if retried, so it is a 503
 * with Retry-After, not a 500.
 */
public final class DatabaseOutage {

    /** Seconds a caller is asked to wait: about what a PostgreSQL restart or failover takes. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                // Class 08: connection exception; 57P01-57P03: the server is shutting down, crashed or starting.
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                // The pool's own timeout carries no SQLState; nothing but the pool says it that way.
                if (state == null && sql.getMessage() != null && sql.getMessage().startsWith("Acquisition timeout")) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    public static Problem problem() {
        return Problem.of(503, "Service unavailable",
                "The service's database cannot be reached at the moment; nothing was changed. Retry in a few seconds.");
    }
}
