package org.linkwork.infra;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Who may do what on the suite's Kafka cluster: the one statement of it, from which the test and local
 * brokers create their topics and ACLs, and against which the compose and Kubernetes manifests are checked.
 *
 * <p>Principals are the realm's client ids (the broker takes the principal from the token's {@code azp}
 * claim). Each service writes its own topic, its audit records and the dead-letter topics of what it
 * consumes ({@code <topic>.<consumer>.dlq}, so no two services share one), and reads only what it consumes;
 * an ICS dashboard reads {@code ics-events} alone, the GP integration engine {@code gp-record-events} alone.
 * Everything else is denied.
 */
public final class EventBackbone {

    public static final String REFERRAL_EVENTS = "referral-events";
    public static final String DIRECTORY_EVENTS = "directory-events";
    public static final String CASELOAD_EVENTS = "caseload-events";
    public static final String OUTCOME_EVENTS = "outcome-events";
    public static final String ICS_EVENTS = "ics-events";
    /** The suite's audit trail: every service that touches patient data writes its own records here. */
    public static final String AUDIT_EVENTS = "audit-events";
    /** Coded updates for GP records, naming the patient: only the GP integration engine reads it. */
    public static final String GP_RECORD_EVENTS = "gp-record-events";

    /** The client an ICS team is given; consumer groups must start with its name. */
    public static final String ICS_DASHBOARD = "ics-dashboard";
    /** The region's GP integration engine, which delivers gp-record-events to practices; groups start with its name. */
    public static final String GP_CONNECTOR = "gp-connector";

    /**
     * One client's rights: topics it writes (and may create), topics it reads, and its consumer group
     * ({@code groupPrefixed}: any group whose name starts with {@code group}).
     */
    public record Client(String clientId, List<String> writes, List<String> reads, String group, boolean groupPrefixed) {

        /** Whether this client consumes at all (and so needs its group). */
        public boolean consumes() {
            return !reads.isEmpty();
        }
    }

    public static final List<Client> CLIENTS = List.of(
            service("referral-service", List.of(REFERRAL_EVENTS, AUDIT_EVENTS, GP_RECORD_EVENTS),
                    List.of(CASELOAD_EVENTS, AUDIT_EVENTS)),
            service("activity-directory-service", List.of(DIRECTORY_EVENTS), List.of(CASELOAD_EVENTS)),
            service("caseload-service", List.of(CASELOAD_EVENTS, AUDIT_EVENTS), List.of(REFERRAL_EVENTS)),
            service("outcomes-service", List.of(OUTCOME_EVENTS, ICS_EVENTS, AUDIT_EVENTS),
                    List.of(REFERRAL_EVENTS, CASELOAD_EVENTS)),
            new Client(ICS_DASHBOARD, List.of(), List.of(ICS_EVENTS), ICS_DASHBOARD, true),
            new Client(GP_CONNECTOR, List.of(), List.of(GP_RECORD_EVENTS), GP_CONNECTOR, true));

    private EventBackbone() {
    }

    /** The dead-letter topic of {@code consumer}'s subscription to {@code topic}. */
    public static String deadLetterTopic(String topic, String consumer) {
        return topic + "." + consumer + ".dlq";
    }

    public static Optional<Client> client(String clientId) {
        return CLIENTS.stream().filter(client -> client.clientId().equals(clientId)).findFirst();
    }

    /** Every topic the suite uses, dead-letter topics included, sorted. */
    public static List<String> topics() {
        TreeSet<String> topics = new TreeSet<>();
        CLIENTS.forEach(client -> {
            topics.addAll(client.writes());
            topics.addAll(client.reads());
        });
        return List.copyOf(topics);
    }

    // A consuming service also writes the dead-letter topic of each subscription; its group is its client id.
    private static Client service(String clientId, List<String> owns, List<String> reads) {
        List<String> writes = Stream.concat(owns.stream(), reads.stream().map(topic -> deadLetterTopic(topic, clientId)))
                .toList();
        return new Client(clientId, writes, reads, clientId, false);
    }
}
