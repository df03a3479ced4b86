package org.linkwork.platform.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "linkwork.outbox")
public interface OutboxConfig {

    /** Most events the relay publishes in one pass. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay waits for the broker to acknowledge one event before retrying it on a later pass. */
    @WithDefault("10s")
    Duration deliveryTimeout();

    /** How long sent events are kept for diagnosis before they are purged. */
    @WithDefault("P7D")
    Duration retention();

    Relay relay();

    interface Relay {
        /** Switch the scheduled relay off, e.g. on an instance that must only read. */
        @WithDefault("true")
        boolean enabled();

        /** Pause between relay passes; Quarkus schedules no faster than once a second (read by the {@code @Scheduled} expression of {@link OutboxRelay}). */
        @WithDefault("1s")
        String interval();

        /** Wait after start-up before the first pass. */
        @WithDefault("1s")
        String initialDelay();
    }
}
