package org.linkwork.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.linkwork.infra.EventBackbone;
import org.linkwork.infra.KafkaClients;

/**
 * What an ICS team connects with: {@code deploy/ics/ics-consumer.properties}, the consumer settings of the
 * {@code ics-dashboard} client, filled in for this suite, and {@code linkwork ics-events}, which prints the
 * pseudonymised stream as that client with exactly those settings.
 */
public final class IcsEvents {

    /** The consumer settings an ICS team starts from, relative to the repository. */
    public static final String TEMPLATE = "deploy/ics/ics-consumer.properties";
    /** The local realm's secret of {@code ics-dashboard} (local only, like every {@code <client>-local-secret}). */
    public static final String LOCAL_SECRET = EventBackbone.ICS_DASHBOARD + "-local-secret";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

    private final Deployment suite;
    private final PrintStream out;

    public IcsEvents(Deployment suite, PrintStream out) {
        this.suite = suite;
        this.out = out;
    }

    /**
     * The template's settings with this suite's values. The JVM is also told to allow the realm's token
     * endpoint, as the template says a consumer's JVM must be.
     */
    public Properties consumerConfig() {
        KafkaClients.allowIdentityProvider(suite.tokenEndpoint());
        Path template = suite.repository().resolve(TEMPLATE);
        try {
            return fill(Files.readString(template, StandardCharsets.UTF_8), Map.of(
                    "LINKWORK_KAFKA_BOOTSTRAP", suite.kafkaBootstrapServers(),
                    "LINKWORK_CA_PEM", suite.caCertificates().toString(),
                    "LINKWORK_TOKEN_ENDPOINT", suite.tokenEndpoint(),
                    "ICS_DASHBOARD_CLIENT_SECRET", LOCAL_SECRET));
        } catch (IOException e) {
            throw new LauncherException("Cannot read " + template + ": " + e.getMessage(), e);
        }
    }

    /** Replaces each {@code ${NAME}} with its value; a placeholder without a value is an error, not left in. */
    static Properties fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        TreeSet<String> unknown = new TreeSet<>();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                unknown.add(matcher.group(1));
                value = matcher.group();
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        if (!unknown.isEmpty()) {
            throw new LauncherException("No value for " + unknown + " in " + TEMPLATE);
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(filled.toString()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    /**
     * Prints ics-events as {@code ics-dashboard} until interrupted (Ctrl-C): what the template's consumer group has
     * not read yet, or everything when {@code fromBeginning}.
     */
    public void follow(boolean fromBeginning) {
        Properties config = consumerConfig();
        out.printf("ics-events on %s as %s (group %s)%s; Ctrl-C stops.%n", config.getProperty("bootstrap.servers"),
                EventBackbone.ICS_DASHBOARD, config.getProperty("group.id"), fromBeginning ? ", from the beginning" : "");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            Thread main = Thread.currentThread();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                consumer.wakeup();
                try {
                    main.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "ics-events-stop"));
            consumer.subscribe(List.of(EventBackbone.ICS_EVENTS), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    if (fromBeginning) {
                        consumer.seekToBeginning(partitions);
                    }
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // Nothing to hand over: offsets are committed automatically.
                }
            });
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    out.printf("%s %s key=%s %s%n", header(record, "ce_time"), header(record, "ce_type"), record.key(),
                            record.value());
                }
            }
        } catch (WakeupException e) {
            out.println("Stopped.");
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "-" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
