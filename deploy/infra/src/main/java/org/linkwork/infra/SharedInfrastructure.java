package org.linkwork.infra;

import java.lang.management.ManagementFactory;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * The one PostgreSQL and Kafka of this JVM, each started on first demand and stopped by a shutdown hook.
 *
 * <p>Initialising this class registers it with the platform MBean server; {@link RealInfrastructure}
 * loads it through the system class loader so that it outlives every Quarkus application class loader.
 */
final class SharedInfrastructure implements SharedInfrastructureMXBean {

    static final ObjectName NAME = objectName();

    private PostgresServer postgres;
    private TestBackbone kafka;

    static {
        SharedInfrastructure shared = new SharedInfrastructure();
        try {
            ManagementFactory.getPlatformMBeanServer()
                    .registerMBean(new StandardMBean(shared, SharedInfrastructureMXBean.class, true), NAME);
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stopAll, "linkwork-infra-shutdown"));
        } catch (InstanceAlreadyExistsException e) {
            // A copy of this class in another class loader registered first; that one serves the JVM.
        } catch (JMException e) {
            throw new IllegalStateException("Could not register " + NAME, e);
        }
    }

    private SharedInfrastructure() {
    }

    @Override
    public synchronized int startPostgres() {
        if (postgres == null) {
            postgres = PostgresServer.start(null, 0);
        }
        return postgres.port();
    }

    @Override
    public synchronized int getPostgresPort() {
        return postgres == null ? 0 : postgres.port();
    }

    @Override
    public synchronized boolean isPostgresRunning() {
        return postgres != null && postgres.isRunning();
    }

    @Override
    public synchronized void stopPostgres() {
        requirePostgres().stop();
    }

    @Override
    public synchronized void restartPostgres() {
        requirePostgres().restart();
    }

    private PostgresServer requirePostgres() {
        if (postgres == null) {
            throw new IllegalStateException("No shared PostgreSQL was started in this JVM");
        }
        return postgres;
    }

    @Override
    public synchronized String startKafka() {
        if (kafka == null) {
            kafka = TestBackbone.start();
        }
        return kafka.broker.bootstrapServers();
    }

    @Override
    public synchronized String getKafkaCaCertificate() {
        return kafka == null ? null : kafka.ca.certificate().toString();
    }

    @Override
    public synchronized String getKafkaTokenEndpoint() {
        return kafka == null ? null : kafka.issuer.tokenEndpoint();
    }

    @Override
    public synchronized String getKafkaClientSecret() {
        return kafka == null ? null : kafka.clientSecret;
    }

    @Override
    public synchronized String getKafkaBootstrapServers() {
        return kafka == null ? null : kafka.broker.bootstrapServers();
    }

    @Override
    public synchronized boolean isKafkaRunning() {
        return kafka != null && kafka.broker.isRunning();
    }

    @Override
    public synchronized void stopKafka() {
        requireKafka().stop();
    }

    @Override
    public synchronized void restartKafka() {
        requireKafka().restart();
    }

    private KafkaBroker requireKafka() {
        if (kafka == null) {
            throw new IllegalStateException("No shared Kafka broker was started in this JVM");
        }
        return kafka.broker;
    }

    private synchronized void stopAll() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static ObjectName objectName() {
        try {
            return new ObjectName(OBJECT_NAME);
        } catch (MalformedObjectNameException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
