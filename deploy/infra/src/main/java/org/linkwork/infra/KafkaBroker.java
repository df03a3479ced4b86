package org.linkwork.infra;

import java.nio.file.Path;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one node), running
 * inside this JVM from the {@code kafka_2.13} jars, listening with PLAINTEXT on 127.0.0.1.
 *
 * <p>{@link #stop()} and {@link #restart()} simulate an outage: the broker comes back on the same
 * port with the same data, so clients configured with {@link #bootstrapServers()} reconnect.
 */
public final class KafkaBroker implements AutoCloseable {

    /** What a broker handle drives: the in-process broker itself, or the JVM-wide shared one over JMX. */
    interface Lifecycle {
        String bootstrapServers();

        boolean isRunning();

        void stop();

        void restart();

        void close();
    }

    private final Lifecycle lifecycle;

    KafkaBroker(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /**
     * Formats the log directory if it is new, then starts the broker.
     *
     * @param logDirOrNull data directory kept across restarts; {@code null} for a temporary one
     *                     deleted on {@link #close()}
     * @param portOrZero   client (PLAINTEXT) port; 0 picks a free one
     */
    public static KafkaBroker start(Path logDirOrNull, int portOrZero) {
        return new KafkaBroker(InProcessKafka.start(logDirOrNull, portOrZero));
    }

    /** {@code 127.0.0.1:port}, stable across {@link #stop()} and {@link #restart()}. */
    public String bootstrapServers() {
        return lifecycle.bootstrapServers();
    }

    /** Shuts the broker down, keeping its data directory and port for {@link #restart()}. */
    public void stop() {
        lifecycle.stop();
    }

    /** Starts a stopped broker again on the same port and data directory. */
    public void restart() {
        lifecycle.restart();
    }

    public boolean isRunning() {
        return lifecycle.isRunning();
    }

    /** Stops the broker and deletes a temporary data directory; no-op on a handle to the shared broker. */
    @Override
    public void close() {
        lifecycle.close();
    }
}
