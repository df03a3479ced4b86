package org.linkwork.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

// Ordered because the shared servers live until the JVM exits: the external case must run before
// anything starts them.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealInfrastructureTest {

    @Test
    @Order(1)
    void usesExternalInfrastructureFromSystemPropertiesAndStartsNothing() {
        System.setProperty("quarkus.datasource.jdbc.url", "jdbc:postgresql://db.example:5432/referral");
        System.setProperty("kafka.bootstrap.servers", "kafka.example:9092");
        try {
            Map<String, String> config = start("referral");

            assertEquals("jdbc:postgresql://db.example:5432/referral", config.get("quarkus.datasource.jdbc.url"));
            assertEquals("kafka.example:9092", config.get("kafka.bootstrap.servers"));
            assertEquals("false", config.get("quarkus.devservices.enabled"));
            assertNull(RealInfrastructure.postgres());
            assertNull(RealInfrastructure.kafka());
        } finally {
            System.clearProperty("quarkus.datasource.jdbc.url");
            System.clearProperty("kafka.bootstrap.servers");
        }
    }

    @Test
    @Order(2)
    void startsOneSharedPostgresAndKafkaWithADatabasePerService() throws Exception {
        Map<String, String> referral = start("referral");
        Map<String, String> outcomes = start("outcomes");

        assertEquals("postgresql", referral.get("quarkus.datasource.db-kind"));
        assertEquals("false", referral.get("quarkus.devservices.enabled"));
        assertTrue(referral.get("quarkus.datasource.jdbc.url").endsWith("/referral"));
        assertTrue(outcomes.get("quarkus.datasource.jdbc.url").endsWith("/outcomes"));
        assertEquals(referral.get("kafka.bootstrap.servers"), outcomes.get("kafka.bootstrap.servers"),
                "one broker per JVM");
        assertEquals(RealInfrastructure.postgres().port(), RealInfrastructure.postgres().port());

        try (Connection connection = DriverManager.getConnection(referral.get("quarkus.datasource.jdbc.url"),
                referral.get("quarkus.datasource.username"), referral.get("quarkus.datasource.password"));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_database()")) {
            assertTrue(rows.next());
            assertEquals("referral", rows.getString(1));
        }
        assertEquals(1, clusterSize(referral.get("kafka.bootstrap.servers")));
    }

    @Test
    @Order(3)
    void letsTestsStopAndRestartTheSharedBroker() throws Exception {
        String bootstrap = start("caseload").get("kafka.bootstrap.servers");
        KafkaBroker kafka = RealInfrastructure.kafka();
        assertNotNull(kafka);
        assertEquals(bootstrap, kafka.bootstrapServers());

        kafka.stop();
        assertFalse(kafka.isRunning());
        kafka.restart();
        assertTrue(kafka.isRunning());

        assertEquals(1, clusterSize(bootstrap));
        kafka.close();
        assertTrue(RealInfrastructure.kafka().isRunning(), "closing a handle leaves the shared broker running");
    }

    private static Map<String, String> start(String database) {
        RealInfrastructure resource = new RealInfrastructure();
        resource.init(Map.of(RealInfrastructure.DATABASE_ARG, database));
        return resource.start();
    }

    private static int clusterSize(String bootstrapServers) throws Exception {
        Map<String, Object> config = RealInfrastructure.kafkaTestHarness();
        assertEquals(bootstrapServers, config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG));
        try (Admin admin = Admin.create(config)) {
            return admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
        }
    }
}
