package org.linkwork.infra;

/**
 * The JVM-wide PostgreSQL and Kafka of {@link RealInfrastructure}, reachable through the platform
 * MBean server as {@code org.linkwork.infra:type=SharedInfrastructure}.
 *
 * <p>JMX is how code in any class loader reaches the one instance: Quarkus loads each test
 * application in class loaders of its own, so a plain static field would exist once per application.
 * Only JDK types cross this interface for the same reason.
 */
public interface SharedInfrastructureMXBean {

    String OBJECT_NAME = "org.linkwork.infra:type=SharedInfrastructure";

    /** Starts PostgreSQL unless it runs already; returns its port. */
    int startPostgres();

    /** The port of the started PostgreSQL, or 0 if none was started. */
    int getPostgresPort();

    boolean isPostgresRunning();

    /** Shuts PostgreSQL down, keeping its data and port, to simulate an outage. */
    void stopPostgres();

    void restartPostgres();

    /** Starts Kafka unless it was started already; returns its bootstrap servers. */
    String startKafka();

    /** The bootstrap servers of the started broker, or {@code null} if none was started. */
    String getKafkaBootstrapServers();

    /** The CA certificate (PEM file path) the broker's certificate chains to; {@code null} before Kafka starts. */
    String getKafkaCaCertificate();

    /** The token endpoint issuing the broker's clients their tokens; {@code null} before Kafka starts. */
    String getKafkaTokenEndpoint();

    /** The secret every registered client presents to that endpoint (random per JVM); {@code null} before Kafka starts. */
    String getKafkaClientSecret();

    boolean isKafkaRunning();

    void stopKafka();

    void restartKafka();
}
