package org.linkwork.dashboard.events;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.linkwork.dashboard.journeys.JourneyService;
import org.linkwork.dashboard.wellbeing.WellbeingService;
import org.linkwork.dashboard.workforce.WorkforceService;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * Rebuilds the dashboard from offset 0 when its database holds nothing: the consumer group keeps its committed
 * offsets when the database is emptied or replaced, so without this the figures would restart from the day of the
 * new database. Applying events once per id (the inbox) makes the replay safe to repeat.
 */
@ApplicationScoped
@Identifier(IcsEventsReplay.NAME)
public class IcsEventsReplay implements KafkaConsumerRebalanceListener {

    static final String NAME = "ics-events-replay";
    private static final Logger LOG = Logger.getLogger(IcsEventsReplay.class);

    private final JourneyService journeys;
    private final WellbeingService wellbeing;
    private final WorkforceService workforce;

    IcsEventsReplay(JourneyService journeys, WellbeingService wellbeing, WorkforceService workforce) {
        this.journeys = journeys;
        this.wellbeing = wellbeing;
        this.workforce = workforce;
    }

    @Override
    @ActivateRequestContext
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty() && journeys.nothingHeld() && wellbeing.nothingHeld() && workforce.nothingHeld()) {
            LOG.infof("The dashboard's database holds nothing yet: reading %s from offset 0", partitions);
            consumer.seekToBeginning(partitions);
        }
    }
}
