package org.linkwork.platform.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linkwork.platform.events.KafkaCloudEvents;
import org.linkwork.platform.problem.DatabaseOutage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes committed outbox rows to Kafka and marks them sent once the broker has acknowledged
 * them (idempotent producer, acks=all).
 *
 * <p>Order per aggregate: within a pass an event is sent only after its predecessor of the same
 * aggregate was acknowledged, and a failure stops that aggregate until the next pass. Several
 * service instances may run the relay; a PostgreSQL advisory lock lets one of them publish at a
 * time, which keeps per-aggregate order across instances (row-level SKIP LOCKED would let two
 * instances publish two events of one aggregate concurrently). Delivery is at least once: a
 * crash between the broker's acknowledgement and the commit republishes, and consumers
 * de-duplicate by event id through the inbox.
 *
 * <p>When: a transaction that wrote to the outbox asks for a pass as it commits ({@link Outbox}), so an event
 * leaves within milliseconds rather than at the next scheduled pass; the scheduled pass stays as the safety net
 * (events of a crashed instance, of an instance whose pass found another holding the lock, or left by a failed
 * pass). Passes run one at a time on the relay's own thread, and requests made while one waits count once, so
 * a burst of commits costs one pass, not one each.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** Advisory lock key shared by all instances of one service (databases are per service). */
    static final long RELAY_LOCK_KEY = 0x4C696E6B4F7574L;

    private final AtomicLong pending = new AtomicLong();
    private final AtomicBoolean passRequested = new AtomicBoolean();
    private final ExecutorService passes = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "linkwork-outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final Counter published;
    private final Counter failures;

    private final EntityManager entityManager;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaConfig;
    private final String source;

    private Producer<String, String> producer;
    /** Passes failed in a row for want of the database; only the relay's own thread reads and writes it. */
    private int passesFailedInOutage;

    OutboxRelay(MeterRegistry registry, EntityManager entityManager, OutboxConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "linkwork.events.source") String source) {
        this.entityManager = entityManager;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.source = source;
        Gauge.builder("linkwork.outbox.pending", pending, AtomicLong::get)
                .description("Outbox events committed but not yet acknowledged by Kafka")
                .register(registry);
        published = Counter.builder("linkwork.outbox.published")
                .description("Outbox events acknowledged by Kafka").register(registry);
        failures = Counter.builder("linkwork.outbox.publish.failures")
                .description("Attempts to publish an outbox event that Kafka did not acknowledge").register(registry);
    }

    @Scheduled(identity = "linkwork-outbox-relay", every = "${linkwork.outbox.relay.interval:1s}",
            delayed = "${linkwork.outbox.relay.initial-delay:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayOnSchedule() {
        requestPass();
    }

    /** Asks for a relay pass as soon as the relay's thread is free. */
    void requestPass() {
        if (!config.relay().enabled() || !passRequested.compareAndSet(false, true)) {
            return;
        }
        try {
            passes.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // Shutting down: what is pending is published by the next instance's relay.
            passRequested.set(false);
        }
    }

    private void drain() {
        // Cleared before the pass: a commit during it asks for one more, which finds what this pass missed.
        passRequested.set(false);
        try {
            // A full batch means more are waiting: drain a backlog now rather than one batch a second.
            while (relayPending() == config.batchSize()) {
                LOG.debug("Outbox backlog: relaying the next batch at once");
            }
        } catch (RuntimeException e) {
            if (!DatabaseOutage.causedBy(e)) {
                LOG.warnf(e, "Outbox relay pass failed; pending events stay queued for the next pass");
            } else if (passesFailedInOutage++ == 0) {
                // One line for the outage, not a stack trace every second until it ends.
                LOG.warnf("Outbox relay: database unreachable (%s); pending events stay queued, tried again every pass",
                        e.getMessage());
            }
            return;
        }
        if (passesFailedInOutage > 0) {
            LOG.infof("Outbox relay: database reachable again after %d failed passes", passesFailedInOutage);
            passesFailedInOutage = 0;
        }
    }

    /**
     * One relay pass.
     *
     * @return how many events Kafka acknowledged in this pass; 0 also when another instance holds the relay lock
     */
    @Transactional
    public int relayPending() {
        Boolean leader = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK_KEY).getSingleResult();
        if (!Boolean.TRUE.equals(leader)) {
            return 0;
        }
        List<OutboxEvent> batch = entityManager
                .createQuery("FROM OutboxEvent e WHERE e.sentAt IS NULL ORDER BY e.seq", OutboxEvent.class)
                .setMaxResults(config.batchSize())
                .getResultList();
        // A batch short of the batch size holds every unsent event, so it is the count (two statements fewer on each
        // pass, and a pass runs after every commit); only a full batch leaves a backlog to count.
        boolean backlog = batch.size() == config.batchSize();
        pending.set(backlog ? countPending() : batch.size());
        List<Long> sent = batch.isEmpty() ? List.of() : publishInAggregateOrder(batch);
        if (!sent.isEmpty()) {
            entityManager.createQuery("UPDATE OutboxEvent e SET e.sentAt = :now WHERE e.seq IN :seqs")
                    .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                    .setParameter("seqs", sent)
                    .executeUpdate();
            published.increment(sent.size());
            LOG.debugf("Relayed %d outbox events", sent.size());
        }
        pending.set(backlog ? countPending() : batch.size() - sent.size());
        return sent.size();
    }

    /** Deletes sent events older than the retention period; unsent ones are never deleted. */
    @Scheduled(identity = "linkwork-outbox-purge", every = "1h", delayed = "1m")
    @Transactional
    void purgeSent() {
        int purged = entityManager.createQuery("DELETE FROM OutboxEvent e WHERE e.sentAt < :before")
                .setParameter("before", OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention()))
                .executeUpdate();
        if (purged > 0) {
            LOG.infof("Purged %d sent outbox events older than %s", purged, config.retention());
        }
    }

    public long pendingCount() {
        return pending.get();
    }

    private long countPending() {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")
                .getSingleResult()).longValue();
    }

    private List<Long> publishInAggregateOrder(List<OutboxEvent> batch) {
        Map<String, Deque<OutboxEvent>> byAggregate = new LinkedHashMap<>();
        for (OutboxEvent event : batch) {
            byAggregate.computeIfAbsent(event.topic + '\u0000' + event.aggregateKey, k -> new ArrayDeque<>()).add(event);
        }
        List<Long> sent = new ArrayList<>(batch.size());
        boolean failed = false;
        while (!byAggregate.isEmpty() && !failed) {
            // One round: the oldest unsent event of every aggregate, in flight together.
            Map<String, Future<RecordMetadata>> round = new HashMap<>();
            for (Map.Entry<String, Deque<OutboxEvent>> entry : byAggregate.entrySet()) {
                Future<RecordMetadata> ack = send(entry.getValue().peekFirst());
                round.put(entry.getKey(), ack);
                if (failedAtOnce(ack)) {
                    // Broker unreachable (send gave up waiting for metadata): don't wait again for each aggregate.
                    break;
                }
            }
            Iterator<Map.Entry<String, Deque<OutboxEvent>>> it = byAggregate.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Deque<OutboxEvent>> entry = it.next();
                OutboxEvent event = entry.getValue().peekFirst();
                Future<RecordMetadata> ack = round.get(entry.getKey());
                if (ack == null) {
                    // Not sent this round because the broker was unreachable; it waits for the next pass.
                    it.remove();
                } else if (acknowledged(event, ack)) {
                    sent.add(event.seq);
                    entry.getValue().removeFirst();
                    if (entry.getValue().isEmpty()) {
                        it.remove();
                    }
                } else {
                    failed = true;
                    it.remove();
                }
            }
        }
        if (failed) {
            // A fresh producer next pass avoids carrying a broken connection or producer epoch forward.
            closeProducer();
        }
        return sent;
    }

    private Future<RecordMetadata> send(OutboxEvent event) {
        try {
            return producer().send(KafkaCloudEvents.toRecord(event.topic, event.toCloudEvent()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static boolean failedAtOnce(Future<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return false;
        }
        try {
            ack.get();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException e) {
            return true;
        }
    }

    private boolean acknowledged(OutboxEvent event, Future<RecordMetadata> ack) {
        try {
            ack.get();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warnf("Kafka did not acknowledge %s %s on %s (%s); it stays queued",
                    event.eventType, event.eventId, event.topic, e.getCause());
        }
        failures.increment();
        return false;
    }

    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> props = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ProducerConfig.configNames().contains(key)) {
                props.put(key, value);
            }
        });
        int deliveryMs = (int) config.deliveryTimeout().toMillis();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, source.replace('/', ' ').strip() + "-outbox-relay");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryMs);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, deliveryMs / 2));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.max(1000, deliveryMs / 2));
        return props;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    /** At the start of shutdown, while the database is still open: a pass must not outlive the EntityManagerFactory. */
    void shutdown(@Observes ShutdownEvent event) throws InterruptedException {
        passes.shutdown();
        passes.awaitTermination(config.deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
        closeProducerGracefully();
    }

    private synchronized void closeProducerGracefully() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
