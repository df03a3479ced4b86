package org.linkwork.caseload.directory;

/** What went wrong calling the directory. */
public abstract sealed class DirectoryException extends RuntimeException {

    DirectoryException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The directory answered 4xx (404 to a service read: no such service): retrying the same request will not
     * help, and it is not unwell.
     */
    public static final class Refused extends DirectoryException {

        private final int status;

        public Refused(int status) {
            super("The directory refused the request with " + status, null);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** The directory answered 5xx. */
    public static final class Failed extends DirectoryException {

        public Failed(String message) {
            super(message, null);
        }
    }

    /** The directory could not be used: down, slow, failing, or the circuit breaker is open. */
    public static final class Unavailable extends DirectoryException {

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
