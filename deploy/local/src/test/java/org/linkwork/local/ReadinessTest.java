package org.linkwork.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadinessTest {

    @Test
    void aServerThatAnnouncesItselfIsReadyOnlyOnceItSaidSoSinceItsLatestStart(@TempDir Path home) throws IOException {
        Path log = home.resolve("kafka.log");
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Component.Readiness readiness = Component.Readiness.announced(log, "READY", List.of(listening.getLocalPort()));
            assertFalse(readiness.ready(null), "no log yet");

            Files.writeString(log, "---- 2026-12-02T06:00:00Z starting: java InfraMain kafka\nKAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092\n");
            assertFalse(readiness.ready(null), "listening, but its topics and ACLs are not made yet");

            Files.writeString(log, "READY\n", java.nio.file.StandardOpenOption.APPEND);
            assertTrue(readiness.ready(null));

            Files.writeString(log, "---- 2026-12-02T07:00:00Z starting: java InfraMain kafka\n", java.nio.file.StandardOpenOption.APPEND);
            assertFalse(readiness.ready(null), "the READY of an earlier start does not count");
        }
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        Files.writeString(log, "READY\n", java.nio.file.StandardOpenOption.APPEND);
        assertFalse(Component.Readiness.announced(log, "READY", List.of(closed)).ready(null), "announced, but not listening");
    }
}
