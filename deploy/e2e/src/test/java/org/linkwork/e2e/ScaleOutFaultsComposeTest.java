package org.linkwork.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.linkwork.local.GatewayClient;
import org.linkwork.local.GatewayClient.Reply;
import org.linkwork.local.PatientJourney;

import com.github.dockerjava.api.model.Container;

/**
 * The compose suite scaled out (two replicas of each service, three Kafka brokers) under faults: GP referrals
 * arrive through the gateway at a steady rate while one replica of every service is killed (SIGKILL) and started
 * again, then one Kafka broker. A GP system retries a failed send with the same Idempotency-Key, as the API asks.
 * Afterwards every acknowledged referral exists once and has exactly one case in caseload and one referral record
 * in outcomes, every case assigned a link worker exactly one case record in outcomes, no status change was applied
 * twice, and every outbox is empty. The rate held and the errors of each
 * phase are printed.
 */
@Order(Integer.MAX_VALUE)
class ScaleOutFaultsComposeTest {

    private static final int PER_SECOND = 5;
    private static final int ATTEMPTS = 8;
    private static final List<String> SERVICES = List.of("referral-service", "activity-directory-service", "caseload-service",
            "outcomes-service");

    /** One GP referral as the sending system saw it. */
    record Sent(String phase, String nhsNumber, String firstError, int attempts, String referralId, long millis) {

        boolean acknowledged() {
            return referralId != null;
        }
    }

    private final Set<String> nhsNumbers = ConcurrentHashMap.newKeySet();
    private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Duration> phases = Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    /** Container name to how long after its start it was seen healthy. */
    private final Map<String, Duration> restarts = Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    private volatile String phase = "steady";
    private volatile String token;
    private volatile Instant tokenAt = Instant.EPOCH;

    @Test
    void referralsSentThroughReplicaAndBrokerFailuresAreStoredOnceWithOneCaseAndEveryOutboxDrains() throws Exception {
        RunningSuite running = RunningSuite.get();
        ComposeSuite suite = (ComposeSuite) running.suite;
        GatewayClient gateway = running.gateway;

        // Earlier tests of the suite made referrals too, with random test NHS numbers that may match one sent here.
        String since = suite.sql("referral", "SELECT now()").get(0);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newCachedThreadPool();
        clock.scheduleAtFixedRate(() -> senders.submit(() -> send(gateway)), 0, 1000 / PER_SECOND, TimeUnit.MILLISECONDS);

        run("steady", Duration.ofSeconds(20), () -> { });
        List<Container> killed = new ArrayList<>();
        run("one replica of each service killed", Duration.ofSeconds(30), () -> {
            for (String service : SERVICES) {
                Container first = suite.containers(service).stream().min(Comparator.comparing(c -> c.getNames()[0])).orElseThrow();
                ComposeSuite.kill(first);
                killed.add(first);
            }
        });
        run("those replicas restarting", Duration.ZERO, () -> {
            // One after another, as a rolling restart would: four JVMs starting together beside the load
            // took longer than three minutes on two cores (seen in CI).
            killed.forEach(c -> {
                ComposeSuite.docker().startContainerCmd(c.getId()).exec();
                restarts.put(c.getNames()[0], ComposeSuite.awaitHealthy(c));
            });
        });
        Container broker = suite.containers("kafka-2").get(0);
        run("broker kafka-2 killed", Duration.ofSeconds(30), () -> ComposeSuite.kill(broker));
        run("broker kafka-2 restarting", Duration.ZERO, () -> {
            ComposeSuite.docker().startContainerCmd(broker.getId()).exec();
            restarts.put(broker.getNames()[0], ComposeSuite.awaitHealthy(broker));
        });
        run("steady again", Duration.ofSeconds(20), () -> { });
        clock.shutdown();
        senders.shutdown();
        assertTrue(senders.awaitTermination(5, TimeUnit.MINUTES), "every send finished its retries");

        report();
        List<String> acknowledged = sent.stream().filter(Sent::acknowledged).map(Sent::referralId).toList();
        String ids = acknowledged.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        String numbers = sent.stream().map(s -> "'" + s.nhsNumber() + "'").collect(Collectors.joining(","));
        for (String p : phases.keySet()) {
            assertTrue(sent.stream().anyMatch(s -> s.phase().equals(p) && s.acknowledged()), "referrals were acknowledged during: " + p);
        }

        // The pipeline drains: a case for every acknowledged referral, nothing left to publish. At this rate the PCN's
        // link workers fill up and later cases wait; outcomes learns of every case, assigned or waiting-listed.
        String assigned = "case_record WHERE referral_id IN (" + ids + ") AND link_worker_id IS NOT NULL";
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline) && !(count(suite, "caseload", "case_record WHERE referral_id IN (" + ids + ")") == acknowledged.size()
                && count(suite, "outcomes", "case_record WHERE referral_id IN (" + ids + ")") == acknowledged.size()
                && pendingOutboxes(suite) == 0)) {
            Pause.of(Duration.ofSeconds(2));
        }
        System.out.printf("%d acknowledged referrals, %d with a link worker, the others on the waiting list%n", acknowledged.size(),
                count(suite, "caseload", assigned));

        assertEquals(acknowledged.size(), count(suite, "referral", "referral WHERE id IN (" + ids + ")"), "every acknowledged referral is stored");
        assertEquals(List.of(), suite.sql("referral", "SELECT nhs_number || ': ' || string_agg(id || ' ' || status || ' '"
                + " || received_at, ', ') FROM referral WHERE nhs_number IN (" + numbers + ") AND received_at >= '" + since
                + "' GROUP BY nhs_number HAVING count(*) > 1"), "no referral stored twice");
        assertEquals(List.of(), suite.sql("caseload", "SELECT referral_id FROM case_record WHERE referral_id IN (" + ids
                + ") GROUP BY referral_id HAVING count(*) <> 1"), "at most one case per referral");
        assertEquals(acknowledged.size(), count(suite, "caseload", "case_record WHERE referral_id IN (" + ids + ")"),
                "one case per acknowledged referral");
        assertEquals(acknowledged.size(), count(suite, "outcomes", "referral_record WHERE referral_id IN (" + ids + ")"),
                "outcomes knows every acknowledged referral");
        assertEquals(List.of(), suite.sql("outcomes", "SELECT referral_id FROM case_record WHERE referral_id IN (" + ids
                + ") GROUP BY referral_id HAVING count(*) <> 1"), "outcomes applied each case opening once");
        assertEquals(acknowledged.size(), count(suite, "outcomes", "case_record WHERE referral_id IN (" + ids + ")"),
                "outcomes has a case for every case, assigned or waiting-listed");
        assertEquals(List.of(), suite.sql("referral", "SELECT referral_id, to_status FROM referral_status_change WHERE referral_id IN ("
                + ids + ") GROUP BY referral_id, to_status HAVING count(*) > 1"), "no status change applied twice");
        assertEquals(0, pendingOutboxes(suite), "every outbox drained");
    }

    private void run(String name, Duration duration, Runnable fault) throws InterruptedException {
        phase = name;
        Instant start = Instant.now();
        fault.run();
        Duration left = duration.minus(Duration.between(start, Instant.now()));
        if (!left.isNegative()) {
            Pause.of(left);
        }
        phases.put(name, Duration.between(start, Instant.now()));
    }

    private void send(GatewayClient gateway) {
        String inPhase = phase;
        String nhsNumber = uniqueNhsNumber();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = PatientJourney.referral(nhsNumber);
        Instant start = Instant.now();
        String firstError = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            String error;
            try {
                Reply reply = gateway.post("/referrals", token(gateway), body, Map.of("Idempotency-Key", key));
                if (reply.status() == 201 || reply.status() == 200) {
                    sent.add(new Sent(inPhase, nhsNumber, firstError, attempt, reply.json().get("id").asText(),
                            Duration.between(start, Instant.now()).toMillis()));
                    return;
                }
                error = "HTTP " + reply.status();
            } catch (RuntimeException e) {
                // The client's own exception wraps what went wrong on the wire (timeout, refused connection).
                error = (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName();
            }
            if (firstError == null) {
                firstError = error;
            }
            Pause.of(Duration.ofMillis(500L * attempt));
        }
        sent.add(new Sent(inPhase, nhsNumber, firstError, ATTEMPTS, null, Duration.between(start, Instant.now()).toMillis()));
    }

    /** Keycloak is not one of the faults; a token is fetched once a minute, as a GP system caches it. */
    private synchronized String token(GatewayClient gateway) {
        if (token == null || Duration.between(tokenAt, Instant.now()).toSeconds() > 60) {
            token = gateway.clientToken("gp-system");
            tokenAt = Instant.now();
        }
        return token;
    }

    private String uniqueNhsNumber() {
        while (true) {
            String candidate = PatientJourney.testNhsNumber();
            if (nhsNumbers.add(candidate)) {
                return candidate;
            }
        }
    }

    private void report() {
        System.out.printf("%nScale-out faults at %d referrals/s (compose: 2 replicas per service, 3 brokers)%n", PER_SECOND);
        System.out.printf("%-36s %6s %5s %6s %8s %8s %7s  %s%n", "phase", "secs", "sent", "acked", "acked/s", "retried", "lost",
                "first-attempt errors");
        phases.forEach((name, duration) -> {
            List<Sent> inPhase = sent.stream().filter(s -> s.phase().equals(name)).toList();
            long acked = inPhase.stream().filter(Sent::acknowledged).count();
            long retried = inPhase.stream().filter(s -> s.acknowledged() && s.attempts() > 1).count();
            Map<String, Long> errors = inPhase.stream().filter(s -> s.firstError() != null)
                    .collect(Collectors.groupingBy(Sent::firstError, TreeMap::new, Collectors.counting()));
            double seconds = Math.max(duration.toMillis() / 1000.0, 0.001);
            System.out.printf("%-36s %6.1f %5d %6d %8.1f %8d %7d  %s%n", name, seconds, inPhase.size(), acked, acked / seconds, retried,
                    inPhase.size() - acked, errors);
        });
        restarts.forEach((name, took) -> System.out.printf("%s healthy again %.1f s after its start%n", name, took.toMillis() / 1000.0));
    }

    private static long count(ComposeSuite suite, String database, String from) {
        return Long.parseLong(suite.sql(database, "SELECT count(*) FROM " + from).get(0));
    }

    private static long pendingOutboxes(ComposeSuite suite) {
        long pending = 0;
        for (String database : List.of("referral", "directory", "caseload", "outcomes")) {
            pending += count(suite, database, "outbox_event WHERE sent_at IS NULL");
        }
        return pending;
    }
}
