package org.linkwork.e2e;

import java.time.Duration;

/** The wait between two polls of the end-to-end tests; an interrupt ends the test instead of being swallowed. */
final class Pause {

    private Pause() {
    }

    static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
