package org.linkwork.local;

/** Something the user can act on: printed as it is, without a stack trace. */
public class LauncherException extends RuntimeException {

    public LauncherException(String message) {
        super(message);
    }

    public LauncherException(String message, Throwable cause) {
        super(message, cause);
    }
}
