package org.linkwork.platform.inbox;

import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.linkwork.platform.problem.DatabaseOutage;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;

/**
 * The suite's failure strategy for incoming channels ({@code failure-strategy=dead-letter-poison}, the platform's
 * default). A record that failed for a reason of its own (data that does not bind, an effect that keeps failing)
 * goes to the channel's dead-letter topic, as with {@code dead-letter-queue}. A record that failed because the
 * service's database is unreachable, or because the service is stopping (its database connections close under the
 * consumer), is no poison: the channel stops without acknowledging it, as with {@code fail}, so that the record is
 * consumed again from the last committed offset, by another replica or by this service once it runs again.
 * Dead-lettering it would take it out of the flow for good (a rolling restart under load did: 44 events).
 */
@ApplicationScoped
@Identifier(DeadLetterPoison.STRATEGY)
public class DeadLetterPoison implements KafkaFailureHandler.Factory {

    public static final String STRATEGY = "dead-letter-poison";

    private static final Logger LOG = Logger.getLogger(DeadLetterPoison.class);

    private final KafkaFailureHandler.Factory deadLetter;
    private final KafkaFailureHandler.Factory stop;
    private volatile boolean stopping;

    DeadLetterPoison(@Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetter,
            @Identifier(KafkaFailureHandler.Strategy.FAIL) KafkaFailureHandler.Factory stop) {
        this.deadLetter = deadLetter;
        this.stop = stop;
    }

    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** True once the service has begun to stop: an effect that fails now is not retried or dead-lettered. */
    public boolean stopping() {
        return stopping;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler poison = deadLetter.create(config, vertx, consumer, reportFailure);
        KafkaFailureHandler unavailable = stop.create(config, vertx, consumer, reportFailure);
        // The handler outlives the CDI container at shutdown, so it reads the flag of this instance, not of a proxy.
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (DeadLetterPoison.this.stopping || DatabaseOutage.causedBy(reason)) {
                    LOG.warnf("%s: offset %d of %s-%d not acknowledged (%s); the channel stops and the record is"
                            + " consumed again from the last committed offset", config.getChannel(), record.getOffset(),
                            record.getTopic(), record.getPartition(),
                            DeadLetterPoison.this.stopping ? "the service is stopping" : "the database is unreachable");
                    return unavailable.handle(record, reason, metadata);
                }
                return poison.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                poison.terminate();
                unavailable.terminate();
            }
        };
    }
}
