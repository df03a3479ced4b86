package org.linkwork.infra;

import java.nio.file.Path;
import java.util.List;

/**
 * A real Apache Kafka broker in KRaft combined mode (broker and controller in one node), running
 * inside this JVM from the {@code kafka_2.13} jars, on 127.0.0.1, secured as the suite's cluster is everywhere:
 * clients connect with SASL_SSL and OAUTHBEARER tokens of the realm ({@link KafkaClients}), the broker's own
 * listeners use mutual TLS, and {@link EventBackbone}'s ACLs (created at start with its topics) are the only
 * rights anybody but the super users has.
 *
 * <p>{@link #stop()} and {@link #restart()} simulate an outage: the broker comes back on the same
 * port with the same data, so clients configured with {@link #bootstrapServers()} reconnect.
 */
public final class KafkaBroker implements AutoCloseable {

    /** The broker's own principal: the CN of its certificate, presented on its mutual-TLS listeners. */
    public static final String BROKER_PRINCIPAL = "linkwork-kafka";

    /**
     * What the broker trusts: the CA that signs its certificate ({@code keyStore}, see
     * {@link CertificateAuthority#keyStore}) and the realm whose tokens it accepts (JWKS and issuer);
     * {@code superUsers}: principals allowed everything besides the broker itself (tests' own harness).
     */
    public record Security(CertificateAuthority ca, Path keyStore, String jwksUrl, String issuer, List<String> superUsers) {
    }

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
     * @param portOrZero   client (SASL_SSL) port; 0 picks a free one
     */
    public static KafkaBroker start(Path logDirOrNull, int portOrZero, Security security) {
        KafkaClients.allowIdentityProvider(security.jwksUrl());
        return new KafkaBroker(InProcessKafka.start(logDirOrNull, portOrZero, security));
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
