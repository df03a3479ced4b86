package org.linkwork.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.linkwork.infra.EventBackbone;
import org.linkwork.infra.KafkaClients;

class IcsEventsTest {

    private static final Path CA = Path.of("/home/ics-team/linkwork-ca.pem");
    private static final String TOKEN_ENDPOINT = "https://keycloak.example.nhs.uk/realms/linkwork/protocol/openid-connect/token";

    @Test
    void theReadmesConsumerSettingsAreTheSuitesKafkaClientSettingsOfIcsDashboard() throws IOException {
        Properties filled = IcsEvents.fill(template(), Map.of("LINKWORK_KAFKA_BOOTSTRAP", "kafka.example.nhs.uk:9093",
                "LINKWORK_CA_PEM", CA.toString(), "LINKWORK_TOKEN_ENDPOINT", TOKEN_ENDPOINT,
                "ICS_DASHBOARD_CLIENT_SECRET", "s3cret"));

        Map<String, Object> suite = KafkaClients.oauth("kafka.example.nhs.uk:9093", CA, TOKEN_ENDPOINT,
                EventBackbone.ICS_DASHBOARD, "s3cret");
        suite.forEach((name, value) -> assertEquals(value, filled.getProperty(name), name));
        assertTrue(filled.getProperty("group.id").startsWith(EventBackbone.client(EventBackbone.ICS_DASHBOARD).orElseThrow().group()),
                filled.getProperty("group.id"));
    }

    @Test
    void aPlaceholderWithoutAValueIsAnErrorNotLeftInTheSettings() throws IOException {
        LauncherException e = assertThrows(LauncherException.class, () -> IcsEvents.fill(template(), Map.of(
                "LINKWORK_KAFKA_BOOTSTRAP", "localhost:9092", "LINKWORK_CA_PEM", CA.toString())));
        assertTrue(e.getMessage().contains("[ICS_DASHBOARD_CLIENT_SECRET, LINKWORK_TOKEN_ENDPOINT]"), e.getMessage());
    }

    private static String template() throws IOException {
        return Files.readString(SuiteSettings.findRepository(Path.of("")).resolve(IcsEvents.TEMPLATE));
    }
}
