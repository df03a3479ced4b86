package org.linkwork.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.linkwork.local.GatewayClient;
import org.linkwork.local.PatientJourney;
import org.linkwork.local.Suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A request under way when its service is told to stop (SIGTERM, as in a rolling update) is answered in full before
 * the service's database closes; requests that arrive meanwhile are turned away with a retryable 503. On the
 * launcher only: the request is held under way by sending its body in two parts straight to the service's port,
 * which compose does not publish.
 */
class RequestUnderWayAtStopTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aReferralWhoseBodyIsStillArrivingWhenReferralServiceStopsIsStoredAndAnswered201() throws Exception {
        RunningSuite running = RunningSuite.get();
        Suite suite = (Suite) running.suite;
        GatewayClient gateway = running.gateway;
        String gpSystem = gateway.clientToken("gp-system");
        int port = suite.settings().ports().referral();
        byte[] body = JSON.writeValueAsBytes(PatientJourney.referral(PatientJourney.testNhsNumber()));
        int half = body.length / 2;

        String reply;
        CompletableFuture<Boolean> stopped = CompletableFuture.completedFuture(true);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /referrals HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: Bearer " + gpSystem
                    + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + UUID.randomUUID()
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, half);
            out.flush();
            Pause.of(Duration.ofMillis(500));

            stopped = CompletableFuture.supplyAsync(() -> suite.stop("referral-service"));
            String newcomer = awaitStopBegun(port);
            assertEquals("503", newcomer, "a request arriving once the stop has begun");

            out.write(body, half, body.length - half);
            out.flush();
            reply = readReply(socket.getInputStream());
        } finally {
            boolean wasRunning = stopped.get();
            running.suite.start("referral-service");
            assertTrue(wasRunning, "referral-service was running");
        }
        assertTrue(reply.startsWith("HTTP/1.1 201"), "the request under way at the stop was answered: " + reply);
        JsonNode created = JSON.readTree(reply.substring(reply.indexOf("\r\n\r\n") + 4));
        gateway.get("/referrals/" + created.get("id").asText(), gpSystem).expect(200, "the referral made during the stop");
    }

    /** The answer to a new request once the stop has begun: "503" from the stopping service, or what came instead. */
    private static String awaitStopBegun(int port) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            try {
                int status = client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) {
                    return Integer.toString(status);
                }
            } catch (ConnectException e) {
                return "connection refused (the service stopped without waiting for the request under way)";
            }
            Pause.of(Duration.ofMillis(50));
        }
        return "still ready 20 s after the stop";
    }

    /** Reads one HTTP/1.1 answer with its body (the stopping service closes the connection after it). */
    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int read; (read = in.read(buffer)) != -1;) {
            reply.write(buffer, 0, read);
        }
        return reply.toString(StandardCharsets.UTF_8);
    }
}
