package org.linkwork.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SuiteSettingsTest {

    @Test
    void portsDefaultToTheDesignTableAndMoveByEnvironmentVariable() {
        SuiteSettings.Ports defaults = SuiteSettings.Ports.from(Map.of());
        assertEquals(8080, defaults.gateway());
        assertEquals(8443, defaults.keycloak());
        assertEquals(8081, defaults.referral());
        assertEquals(8084, defaults.outcomes());
        assertEquals(8085, defaults.dashboard());
        assertEquals(5432, defaults.postgres());
        assertEquals(9092, defaults.kafka());

        SuiteSettings.Ports moved = SuiteSettings.Ports.from(Map.of("LINKWORK_GATEWAY_PORT", "18080", "LINKWORK_KAFKA_PORT", " 19092 ",
                "LINKWORK_DASHBOARD_PORT", "18085"));
        assertEquals(18085, moved.dashboard());
        assertEquals(18080, moved.gateway());
        assertEquals(19092, moved.kafka());
        assertEquals(8443, moved.keycloak());
    }

    @Test
    void aPortThatIsNotANumberIsNamedInTheMessage() {
        LauncherException e = assertThrows(LauncherException.class,
                () -> SuiteSettings.Ports.from(Map.of("LINKWORK_REFERRAL_PORT", "eighty")));
        assertTrue(e.getMessage().contains("LINKWORK_REFERRAL_PORT=eighty"), e.getMessage());
        assertThrows(LauncherException.class, () -> SuiteSettings.Ports.from(Map.of("LINKWORK_REFERRAL_PORT", "70000")));
    }

    @Test
    void aPortSomethingListensOnIsSeenAsInUse() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertTrue(Component.inUse(taken.getLocalPort()));
        }
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        assertFalse(Component.inUse(free));
    }

    @Test
    void shiftedPortsKeepTheirOrder() {
        SuiteSettings.Ports shifted = SuiteSettings.Ports.shiftedBy(100);
        assertEquals(8180, shifted.gateway());
        assertEquals(8543, shifted.keycloak());
        assertEquals(5532, shifted.postgres());
    }

    @Test
    void eachPortIsNamedByTheVariableThatMovesIt() {
        SuiteSettings.Ports ports = SuiteSettings.Ports.from(Map.of("LINKWORK_OUTCOMES_PORT", "18084"));
        assertEquals("LINKWORK_OUTCOMES_PORT", ports.variables().get(18084));
        assertEquals("LINKWORK_GATEWAY_PORT", ports.variables().get(8080));
        assertEquals("LINKWORK_DASHBOARD_PORT", ports.variables().get(8085));
        assertEquals(10, ports.variables().size());
    }
}
