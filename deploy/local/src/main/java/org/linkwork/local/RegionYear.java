package org.linkwork.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.linkwork.infra.EventBackbone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A year of one region's social prescribing, made up from a fixed seed so that the ICS reports and the dashboard can
 * be seen on realistic numbers ({@code deploy/local/linkwork year}): NHS Coventry and Warwickshire's 118 practices in
 * 20 PCNs (about a million people; its one practice in no PCN is left out), 60 link workers, about 15,000 referrals
 * over the 12 months to now. It enters the suite as real data does, never by SQL: referral-service's and caseload-service's events, published
 * under those services' Kafka identities and each valid against its producer's published schema, then wellbeing
 * questionnaires and GP attendance through outcomes-service's API as each PCN's coordinator. The same seed makes the
 * same patients, referrals, cases and event ids (so a second publication is ignored by the inboxes); only the year's
 * end moves with the clock.
 */
public final class RegionYear {

    /** The region's practices and PCNs (NHS England, GP practices and PCNs, 01 Jan 2026, OGL v3). */
    static final String PRACTICES = "/year/coventry-and-warwickshire-practices.csv";
    /** Where IMD 2019 deciles are kept in the repository (outcomes-service derives the decile from the LSOA). */
    static final String LSOA_DECILES = "outcomes-service/src/main/resources/deprivation/imd2019-lsoa-decile.csv";
    static final int LINK_WORKERS = 60;
    static final String COORDINATOR_PREFIX = "year-coordinator-";
    private static final String OUTCOMES_GROUP = "outcomes-service";
    private static final String DASHBOARD_GROUP = "ics-dashboard-reference";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> REASONS = List.of("LONELINESS", "LOW_MOOD", "ANXIETY", "STRESS", "BEREAVEMENT",
            "LONG_TERM_CONDITION", "PHYSICAL_INACTIVITY", "WEIGHT", "FINANCIAL", "HOUSING", "EMPLOYMENT", "CARER_SUPPORT");
    /** Terms of the directory's "Linkwork social prescribing" taxonomy. */
    private static final List<String> TERMS = List.of("physical-activity", "walking", "nature-and-gardening",
            "peer-support", "befriending", "social-groups", "arts-and-crafts", "music", "dance", "mental-wellbeing",
            "money-and-debt-advice", "housing", "volunteering", "learning", "carers", "bereavement-support");
    private static final String LETTERS = "ABDEFGHJLNPQRSTUWXYZ";

    /** One practice of the region. */
    record Practice(String odsCode, String pcnCode, String postcode) {
    }

    /** A link worker of a PCN: {@code username} is how case events name them. */
    record LinkWorker(UUID id, String username, String pcnCode, BigDecimal fte) {
    }

    /**
     * One event as its producer would publish it: CloudEvents attributes and the data as JSON. The producer (its realm
     * client) says the topic and the CloudEvents source.
     */
    record Event(String producer, String id, String type, String key, OffsetDateTime time, Map<String, Object> data) {

        static final String REFERRALS = "referral-service";
        static final String CASELOAD = "caseload-service";

        String topic() {
            return producer.equals(REFERRALS) ? EventBackbone.REFERRAL_EVENTS : EventBackbone.CASELOAD_EVENTS;
        }

        String source() {
            return "/" + producer;
        }
    }

    /** A call to outcomes-service's API that the year makes after its events are read; {@code at} is when it happened. */
    record Recording(String pcnCode, OffsetDateTime at, String method, String path, Map<String, Object> body) {
    }

    /** Everything the year holds, in the order it happened. */
    public record Year(OffsetDateTime start, OffsetDateTime end, List<LinkWorker> linkWorkers, List<Event> events,
            List<Recording> recordings, int referrals) {

        public Map<String, Long> countsByType() {
            return events.stream().collect(Collectors.groupingBy(Event::type, TreeMap::new, Collectors.counting()));
        }

        public List<String> pcnCodes() {
            return linkWorkers.stream().map(LinkWorker::pcnCode).distinct().sorted().toList();
        }
    }

    private final long seed;
    private final int referrals;

    public static final long SEED = 2026;
    public static final int REFERRALS = 15_000;

    RegionYear(long seed, int referrals) {
        this.seed = seed;
        this.referrals = referrals;
    }

    /** Makes the year ending an hour ago and loads it into {@code suite}, which must run no referral or caseload service. */
    public static Year generate(Deployment suite, PrintStream out, long seed, int referrals) {
        Year year = new RegionYear(seed, referrals).make(endingNow(), lsoaCodes(suite.repository()));
        new Loader(suite, out).load(year);
        return year;
    }

    /** The year ending at {@code end} (exclusive): the same seed and size give the same year. */
    Year make(OffsetDateTime end, List<String> lsoaCodes) {
        Random random = new Random(seed);
        OffsetDateTime start = end.minusDays(365);
        List<Practice> practices = practices();
        // Practices differ in size: each refers in proportion to a weight of its own.
        double[] weights = practices.stream().mapToDouble(p -> 0.4 + 1.2 * random.nextDouble()).toArray();
        double[] cumulative = new double[weights.length];
        for (int p = 0; p < weights.length; p++) {
            cumulative[p] = weights[p] + (p == 0 ? 0 : cumulative[p - 1]);
        }
        Map<String, List<LinkWorker>> workers = new TreeMap<>();
        List<Event> events = new ArrayList<>();
        for (Map.Entry<String, Integer> pcn : linkWorkersPerPcn(practices, weights).entrySet()) {
            for (int n = 1; n <= pcn.getValue(); n++) {
                LinkWorker worker = new LinkWorker(uuid(random), "lw-" + pcn.getKey().toLowerCase() + "-" + n,
                        pcn.getKey(), new BigDecimal(List.of("0.6", "0.8", "1.0", "1.0", "1.0").get(random.nextInt(5))));
                workers.computeIfAbsent(pcn.getKey(), p -> new ArrayList<>()).add(worker);
                events.add(caseload(random, "org.linkwork.link-worker.changed.v1", worker.id(), start.minusDays(1),
                        ordered("linkWorkerId", worker.id(), "pcnCode", pcn.getKey(), "fte", worker.fte(), "active", true,
                                "changedAt", start.minusDays(1))));
            }
        }
        List<Recording> recordings = new ArrayList<>();
        for (int i = 0; i < referrals; i++) {
            int drawn = Arrays.binarySearch(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]);
            Practice practice = practices.get(drawn >= 0 ? drawn : -drawn - 1);
            OffsetDateTime received = start.plusSeconds((long) (random.nextDouble() * Duration.ofDays(365).toSeconds()));
            new Referral(random, practice, workers.get(practice.pcnCode()), received, lsoaCodes).happen(events, recordings);
        }
        List<Event> happened = events.stream().filter(e -> e.time().isBefore(end))
                .sorted(Comparator.comparing(Event::time)).toList();
        return new Year(start, end, workers.values().stream().flatMap(List::stream).toList(), happened,
                recordings.stream().filter(r -> r.at().isBefore(end)).toList(), referrals);
    }

    /**
     * The region's {@link #LINK_WORKERS} shared between its PCNs as their practices' weights are (largest remainders),
     * at least one each: PCNs employ link workers for their populations.
     */
    static Map<String, Integer> linkWorkersPerPcn(List<Practice> practices, double[] weights) {
        Map<String, Double> weightOfPcn = new TreeMap<>();
        for (int p = 0; p < practices.size(); p++) {
            weightOfPcn.merge(practices.get(p).pcnCode(), weights[p], Double::sum);
        }
        double total = weightOfPcn.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Integer> workers = new TreeMap<>();
        weightOfPcn.forEach((pcn, weight) -> workers.put(pcn, Math.max(1, (int) (LINK_WORKERS * weight / total))));
        List<String> byRemainder = weightOfPcn.keySet().stream().sorted(Comparator.comparingDouble((String pcn) ->
                LINK_WORKERS * weightOfPcn.get(pcn) / total - workers.get(pcn)).reversed()).toList();
        for (int i = 0; workers.values().stream().mapToInt(Integer::intValue).sum() < LINK_WORKERS; i++) {
            workers.merge(byRemainder.get(i % byRemainder.size()), 1, Integer::sum);
        }
        return workers;
    }

    /** One referral's journey, from the GP's referral to the closed case, as far as the dice take it. */
    private static final class Referral {
        private final Random random;
        private final Practice practice;
        private final List<LinkWorker> workers;
        private final OffsetDateTime received;
        private final List<String> lsoaCodes;
        private final UUID referralId;

        Referral(Random random, Practice practice, List<LinkWorker> workers, OffsetDateTime received, List<String> lsoaCodes) {
            this.random = random;
            this.practice = practice;
            this.workers = workers;
            this.received = received;
            this.lsoaCodes = lsoaCodes;
            this.referralId = uuid(random);
        }

        void happen(List<Event> events, List<Recording> recordings) {
            Map<String, Object> patient = patient();
            // referral.received carries the patient without name or contact details.
            Map<String, Object> reduced = new LinkedHashMap<>(patient);
            reduced.keySet().retainAll(List.of("nhsNumber", "dateOfBirth", "postcode", "sex", "ethnicCategory", "lsoaCode"));
            List<String> reasons = reasons();
            String urgency = random.nextInt(10) == 0 ? "PRIORITY" : "ROUTINE";
            events.add(referral("org.linkwork.referral.received.v1", received, ordered("referralId", referralId,
                    "odsCode", practice.odsCode(), "reasons", reasons, "urgency", urgency,
                    "source", random.nextBoolean() ? "FHIR" : "JSON", "receivedAt", received, "patient", reduced)));
            OffsetDateTime triaged = received.plusMinutes(30 + random.nextInt(4 * 24 * 60));
            if (random.nextInt(100) < 6) {
                events.add(referral("org.linkwork.referral.rejected.v1", triaged, ordered("referralId", referralId,
                        "odsCode", practice.odsCode(), "reason", pick("OUT_OF_AREA", "NEEDS_CLINICAL_SERVICE",
                                "NOT_SUITABLE_FOR_SOCIAL_PRESCRIBING", "INSUFFICIENT_INFORMATION", "DUPLICATE"),
                        "rejectedAt", triaged)));
                return;
            }
            events.add(referral("org.linkwork.referral.accepted.v1", triaged, ordered("referralId", referralId,
                    "odsCode", practice.odsCode(), "reasons", reasons, "urgency", urgency, "receivedAt", received,
                    "acceptedAt", triaged, "acceptedBy", "coordinator", "patient", patient, "notes", null)));
            UUID caseId = uuid(random);
            OffsetDateTime opened = triaged.plusSeconds(1 + random.nextInt(120));
            OffsetDateTime assigned = opened;
            if (random.nextInt(100) < 15) {
                events.add(caseEvent("org.linkwork.case.waiting-listed.v1", caseId, opened, ordered("caseId", caseId,
                        "referralId", referralId, "odsCode", practice.odsCode(), "pcnCode", practice.pcnCode(),
                        "openedAt", opened)));
                assigned = opened.plusHours(24 * (3 + random.nextInt(38)));
            }
            LinkWorker worker = workers.get(random.nextInt(workers.size()));
            events.add(caseEvent("org.linkwork.case.assigned.v1", caseId, assigned, ordered("caseId", caseId,
                    "referralId", referralId, "odsCode", practice.odsCode(), "pcnCode", practice.pcnCode(),
                    "linkWorkerId", worker.id(), "linkWorker", worker.username(), "assignedAt", assigned)));
            if (random.nextInt(100) < 8) {
                close(events, caseId, assigned.plusDays(21), "UNABLE_TO_CONTACT");
                return;
            }
            OffsetDateTime at = assigned.plusHours(24 * (2 + random.nextInt(10) + random.nextInt(17)));
            int contacts = 2 + random.nextInt(4) + random.nextInt(4);
            OffsetDateTime firstAttended = null;
            OffsetDateTime planAgreed = null;
            OffsetDateTime lastActivity = at;
            List<OffsetDateTime> prescribed = new ArrayList<>();
            for (int c = 0; c < contacts; c++) {
                boolean attended = random.nextInt(100) < 88;
                events.add(caseEvent("org.linkwork.case.contact-recorded.v1", caseId, at, ordered("caseId", caseId,
                        "referralId", referralId, "contactId", uuid(random), "contactAt", at,
                        "mode", pick("FACE_TO_FACE", "FACE_TO_FACE", "PHONE", "PHONE", "VIDEO", "HOME_VISIT", "GROUP"),
                        "durationMinutes", 20 + 5 * random.nextInt(15), "attended", attended)));
                if (attended && firstAttended == null) {
                    firstAttended = at;
                } else if (attended && planAgreed == null && random.nextInt(100) < 85) {
                    planAgreed = at.plusMinutes(30);
                    events.add(caseEvent("org.linkwork.case.plan-agreed.v1", caseId, planAgreed, ordered("caseId",
                            caseId, "referralId", referralId, "odsCode", practice.odsCode(), "pcnCode",
                            practice.pcnCode(), "code", ordered("system",
                                    "https://fhir.linkwork.nhs.uk/CodeSystem/care-plan-status", "code", "plan-agreed",
                                    "display", "Personalised care and support plan agreed"), "agreedAt", planAgreed)));
                    int activities = List.of(0, 1, 1, 1, 2, 2).get(random.nextInt(6));
                    for (int a = 0; a < activities; a++) {
                        prescribed.add(planAgreed.plusHours(24 * random.nextInt(14) + 1));
                    }
                }
                lastActivity = at;
                at = at.plusHours(24 * (7 + random.nextInt(15)));
            }
            for (OffsetDateTime when : prescribed) {
                lastActivity = latest(lastActivity, prescribe(events, caseId, when));
            }
            String reason = pick("GOALS_MET", "GOALS_MET", "GOALS_MET", "GOALS_MET", "GOALS_MET", "GOALS_MET",
                    "GOALS_MET", "PATIENT_DECLINED", "REFERRED_ELSEWHERE", "MOVED_AWAY");
            OffsetDateTime closed = lastActivity.plusHours(24 + random.nextInt(24 * 7));
            close(events, caseId, closed, reason);
            if (firstAttended != null && random.nextInt(100) < 75) {
                assess(recordings, caseId, firstAttended, closed, reasons.contains("LONELINESS"));
            }
            if (random.nextInt(100) < 40) {
                int before = 2 + random.nextInt(6) + random.nextInt(7);
                recordings.add(new Recording(practice.pcnCode(), closed, "PUT", "/outcomes/cases/" + caseId + "/gp-attendance",
                        ordered("appointmentsBefore", before, "appointmentsAfter",
                                Math.max(0, before - random.nextInt(5) + random.nextInt(3)))));
            }
        }

        /** The activity accepted (v1, then v2 with its kinds of activity) and, most often, its end; when it ends. */
        private OffsetDateTime prescribe(List<Event> events, UUID caseId, OffsetDateTime at) {
            UUID prescriptionId = uuid(random);
            UUID serviceId = uuid(random);
            Map<String, Object> v1 = ordered("caseId", caseId, "referralId", referralId, "prescriptionId", prescriptionId,
                    "serviceId", serviceId, "status", "ACCEPTED", "at", at);
            events.add(caseEvent("org.linkwork.case.activity-prescribed.v1", caseId, at, v1));
            Map<String, Object> v2 = new LinkedHashMap<>(v1);
            LinkedHashSet<String> terms = new LinkedHashSet<>();
            for (int t = random.nextInt(3) == 0 ? 2 : 1; t > 0; t--) {
                terms.add(TERMS.get(random.nextInt(TERMS.size())));
            }
            v2.put("taxonomyTerms", List.copyOf(terms));
            events.add(caseEvent("org.linkwork.case.activity-prescribed.v2", caseId, at.plusNanos(1000), v2));
            OffsetDateTime ended = at.plusHours(24 * (28 + random.nextInt(57)));
            if (random.nextInt(100) < 75) {
                events.add(caseEvent("org.linkwork.case.activity-ended.v1", caseId, ended, ordered("caseId", caseId,
                        "referralId", referralId, "prescriptionId", prescriptionId, "serviceId", serviceId,
                        "status", pick("COMPLETED", "COMPLETED", "COMPLETED", "STOPPED", "DECLINED"), "at", ended)));
            }
            return ended;
        }

        private void close(List<Event> events, UUID caseId, OffsetDateTime closed, String reason) {
            events.add(caseEvent("org.linkwork.case.closed.v1", caseId, closed, ordered("caseId", caseId,
                    "referralId", referralId, "odsCode", practice.odsCode(), "pcnCode", practice.pcnCode(),
                    "reason", reason, "closedAt", closed)));
        }

        /** SWEMWBS at the first appointment attended and, for most, at discharge; ONS4 for some, UCLA3 for the lonely. */
        private void assess(List<Recording> recordings, UUID caseId, OffsetDateTime baseline, OffsetDateTime closed,
                boolean lonely) {
            boolean discharged = random.nextInt(100) < 65;
            double gain = -0.2 + random.nextDouble() * 1.4;
            record("SWEMWBS", 1, 5, false, 2.4, gain, caseId, baseline, discharged ? closed : null, recordings);
            if (random.nextInt(100) < 40) {
                record("ONS4", 0, 10, false, 4.5, 2 * gain, caseId, baseline, discharged ? closed : null, recordings);
            }
            if (lonely && random.nextInt(100) < 60) {
                record("UCLA3", 1, 3, true, 2.4, gain / 2, caseId, baseline, discharged ? closed : null, recordings);
            }
        }

        private void record(String instrument, int lowest, int highest, boolean lowerIsBetter, double mean, double gain,
                UUID caseId, OffsetDateTime baseline, OffsetDateTime discharge, List<Recording> recordings) {
            List<String> items = switch (instrument) {
                case "SWEMWBS" -> List.of("optimistic", "useful", "relaxed", "dealingWithProblems", "thinkingClearly",
                        "closeToOthers", "ownMind");
                case "ONS4" -> List.of("lifeSatisfaction", "worthwhile", "happiness", "anxiety");
                default -> List.of("lackCompanionship", "leftOut", "isolated");
            };
            Map<String, Integer> before = new LinkedHashMap<>();
            Map<String, Integer> after = new LinkedHashMap<>();
            for (String item : items) {
                // ONS4's anxiety item, like every UCLA3 item, is better when lower.
                boolean lower = lowerIsBetter || item.equals("anxiety");
                double start = lower ? lowest + highest - mean : mean;
                int first = clamp(Math.round(start + random.nextGaussian() * 0.8), lowest, highest);
                before.put(item, first);
                after.put(item, clamp(Math.round(first + (lower ? -gain : gain) + random.nextGaussian() * 0.6), lowest, highest));
            }
            recordings.add(assessment(caseId, instrument, "BASELINE", before, baseline.plusMinutes(10)));
            if (discharge != null) {
                recordings.add(assessment(caseId, instrument, "DISCHARGE", after, discharge.minusHours(2)));
            }
        }

        private Recording assessment(UUID caseId, String instrument, String timepoint, Map<String, Integer> answers,
                OffsetDateTime completedAt) {
            return new Recording(practice.pcnCode(), completedAt, "POST", "/outcomes/assessments", ordered("caseId", caseId,
                    "instrument", instrument, "timepoint", timepoint, "answers", answers, "completedAt", completedAt.toString()));
        }

        /** Sex, ethnic category and LSOA are optional in a referral; a few referrers leave them out. */
        private Map<String, Object> patient() {
            int age = 18 + (int) Math.min(80, Math.abs(random.nextGaussian() * 22 + 40));
            LocalDate born = received.toLocalDate().minusYears(age).minusDays(random.nextInt(365));
            String outcode = practice.postcode().substring(0, practice.postcode().indexOf(' '));
            String postcode = outcode + " " + random.nextInt(10) + LETTERS.charAt(random.nextInt(LETTERS.length()))
                    + LETTERS.charAt(random.nextInt(LETTERS.length()));
            int sex = random.nextInt(100);
            int ethnic = random.nextInt(1000);
            // Roughly the region's 2021 census shares: mostly White British, then Asian, other White, Black, mixed.
            String category = ethnic < 720 ? "A" : ethnic < 780 ? "C" : ethnic < 790 ? "B" : ethnic < 850 ? "H"
                    : ethnic < 870 ? "J" : ethnic < 890 ? "L" : ethnic < 915 ? "N" : ethnic < 930 ? "M"
                    : ethnic < 945 ? "G" : ethnic < 955 ? "R" : ethnic < 975 ? "S" : ethnic < 990 ? "Z" : null;
            Map<String, Object> patient = ordered("nhsNumber", PatientJourney.testNhsNumber(random),
                    "givenName", "Test", "familyName", "Patient", "dateOfBirth", born.toString(), "postcode", postcode,
                    "phone", null, "email", null, "preferredContact", "LETTER", "interpreterLanguage", null,
                    "accessibilityNeeds", null);
            patient.put("sex", sex < 60 ? "FEMALE" : sex < 98 ? "MALE" : null);
            patient.put("ethnicCategory", category);
            patient.put("lsoaCode", random.nextInt(10) == 0 ? null : lsoaCodes.get(random.nextInt(lsoaCodes.size())));
            return patient;
        }

        private List<String> reasons() {
            LinkedHashSet<String> reasons = new LinkedHashSet<>();
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                reasons.add(REASONS.get(Math.min(random.nextInt(REASONS.size()), random.nextInt(REASONS.size()))));
            }
            return List.copyOf(reasons);
        }

        private String pick(String... choices) {
            return choices[random.nextInt(choices.length)];
        }

        private Event referral(String type, OffsetDateTime time, Map<String, Object> data) {
            return new Event(Event.REFERRALS, uuid(random).toString(), type, referralId.toString(), time, data);
        }

        private Event caseEvent(String type, UUID caseId, OffsetDateTime time, Map<String, Object> data) {
            return caseload(random, type, caseId, time, data);
        }
    }

    private static Event caseload(Random random, String type, UUID key, OffsetDateTime time, Map<String, Object> data) {
        return new Event(Event.CASELOAD, uuid(random).toString(), type, key.toString(), time, data);
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static int clamp(long value, int lowest, int highest) {
        return (int) Math.max(lowest, Math.min(highest, value));
    }

    /** A random (version 4) UUID from the seeded generator. */
    static UUID uuid(Random random) {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least);
    }

    /** Keys and values in turn, kept in order; values may be null (a schema's nullable field is still present). */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            map.put((String) keysAndValues[i], value instanceof OffsetDateTime time ? time.toString()
                    : value instanceof UUID id ? id.toString() : value);
        }
        return map;
    }

    static List<Practice> practices() {
        try (InputStream in = RegionYear.class.getResourceAsStream(PRACTICES)) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().skip(1)
                    .map(line -> line.split(",")).map(f -> new Practice(f[0], f[1], f[2])).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every LSOA code with an IMD decile. The shared data place no LSOA in a region, so the year's LSOAs are drawn from
     * all of England's, and its deciles have England's shape rather than the region's.
     */
    static List<String> lsoaCodes(Path repository) {
        try (var lines = Files.lines(repository.resolve(LSOA_DECILES))) {
            return lines.skip(1).map(line -> line.substring(0, line.indexOf(','))).toList();
        } catch (IOException e) {
            throw new LauncherException("Cannot read " + repository.resolve(LSOA_DECILES) + ": " + e.getMessage(), e);
        }
    }

    /** Puts the year into a running reporting suite and returns when the dashboard has read all of it. */
    static final class Loader {

        /** A coordinator's access token and when it was fetched. */
        private record Token(String value, Instant fetched) {
        }

        private final Deployment suite;
        private final PrintStream out;
        private final GatewayClient gateway;

        Loader(Deployment suite, PrintStream out) {
            this.suite = suite;
            this.out = out;
            this.gateway = new GatewayClient(suite);
        }

        void load(Year year) {
            Instant started = Instant.now();
            out.printf("A year of Coventry and Warwickshire, %s to %s: %d referrals, %d link workers, %d events, %d API calls%n",
                    year.start().toLocalDate(), year.end().toLocalDate(), year.referrals(), year.linkWorkers().size(),
                    year.events().size(), year.recordings().size());
            publish(year.events());
            out.printf("  published in %d s%n", seconds(started));
            awaitRead("outcomes-service", OUTCOMES_GROUP, List.of(EventBackbone.REFERRAL_EVENTS, EventBackbone.CASELOAD_EVENTS));
            out.printf("  outcomes-service has read them: %d s%n", seconds(started));
            record(year);
            out.printf("  questionnaires and GP attendance recorded: %d s%n", seconds(started));
            awaitRead(EventBackbone.ICS_DASHBOARD, DASHBOARD_GROUP, List.of(EventBackbone.ICS_EVENTS));
            out.printf("  the ICS dashboard has read ics-events: %d s in all%n", seconds(started));
        }

        private void publish(List<Event> events) {
            Map<String, KafkaProducer<String, String>> producers = new HashMap<>();
            try {
                for (Event event : events) {
                    producers.computeIfAbsent(event.producer(), this::producer).send(record(event));
                }
                producers.values().forEach(KafkaProducer::flush);
            } finally {
                producers.values().forEach(KafkaProducer::close);
            }
        }

        private KafkaProducer<String, String> producer(String client) {
            Map<String, Object> config = new HashMap<>(suite.kafkaClient(client));
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
            return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        }

        /** CloudEvents' Kafka binding in binary mode, as the platform's outbox relay writes it. */
        private static ProducerRecord<String, String> record(Event event) {
            ProducerRecord<String, String> record = new ProducerRecord<>(event.topic(), event.key(), json(event.data()));
            ordered("ce_specversion", "1.0", "ce_id", event.id(), "ce_source", event.source(), "ce_type", event.type(),
                    "ce_subject", event.key(), "ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.time()),
                    "content-type", "application/json").forEach((name, value) -> record.headers().add(name,
                            ((String) value).getBytes(StandardCharsets.UTF_8)));
            return record;
        }

        /** Through the gateway, eight at a time, as each PCN's coordinator; a case not yet known is tried again. */
        private void record(Year year) {
            Map<String, Token> tokens = new ConcurrentHashMap<>();
            createCoordinators(year.pcnCodes());
            AtomicInteger done = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> calls = new ArrayList<>();
                for (Recording recording : year.recordings()) {
                    calls.add(pool.submit(() -> {
                        String user = COORDINATOR_PREFIX + recording.pcnCode().toLowerCase();
                        // Tokens live 300 s in the realm; each is renewed after 200.
                        Token token = tokens.compute(user, (u, old) -> old != null
                                && old.fetched().isAfter(Instant.now().minusSeconds(200)) ? old
                                : new Token(gateway.userToken(u), Instant.now()));
                        send(recording, token.value());
                        int n = done.incrementAndGet();
                        if (n % 5000 == 0) {
                            out.printf("  %d of %d recorded%n", n, year.recordings().size());
                        }
                    }));
                }
                for (Future<?> call : calls) {
                    call.get();
                }
            } catch (ExecutionException e) {
                throw e.getCause() instanceof LauncherException l ? l : new LauncherException(e.getCause().toString(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LauncherException("Interrupted");
            } finally {
                pool.shutdownNow();
            }
        }

        private void send(Recording recording, String token) {
            Map<String, Object> body = recording.body();
            for (int attempt = 1;; attempt++) {
                GatewayClient.Reply reply = recording.method().equals("PUT") ? gateway.put(recording.path(), token, body)
                        : gateway.post(recording.path(), token, body);
                if (reply.status() == 200 || reply.status() == 201) {
                    return;
                }
                if (attempt == 30) {
                    throw new LauncherException(recording.method() + " " + recording.path() + " answered "
                            + reply.status() + ": " + reply.body());
                }
                ManagedProcess.sleep(Duration.ofSeconds(1));
            }
        }

        /** One coordinator per PCN (realm role coordinator, claim pcn), added to the realm by its admin API. */
        private void createCoordinators(List<String> pcnCodes) {
            List<Map<String, Object>> users = pcnCodes.stream().map(pcn -> ordered("username",
                    COORDINATOR_PREFIX + pcn.toLowerCase(), "firstName", "Coordinator", "lastName", pcn,
                    "email", COORDINATOR_PREFIX + pcn.toLowerCase() + "@linkwork.invalid", "emailVerified", true,
                    "enabled", true, "attributes", Map.of("pcn", List.of(pcn)), "credentials", List.of(ordered("type",
                            "password", "value", GatewayClient.DEMO_PASSWORD, "temporary", false)),
                    "realmRoles", List.of("coordinator"))).toList();
            String admin = adminToken();
            HttpRequest request = HttpRequest.newBuilder(URI.create(suite.keycloakUrl() + "/admin/realms/linkwork/partialImport"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("ifResourceExists", "SKIP", "users", users))))
                    .build();
            HttpResponse<String> response = send(request);
            if (response.statusCode() != 200) {
                throw new LauncherException("Keycloak did not add the coordinators (" + response.statusCode() + "): "
                        + response.body());
            }
        }

        /** The local Keycloak's bootstrap administrator (admin / admin, local only). */
        private String adminToken() {
            String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                    + URLEncoder.encode("admin", StandardCharsets.UTF_8);
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(suite.keycloakUrl()
                    + "/realms/master/protocol/openid-connect/token")).header("Content-Type",
                            "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build());
            if (response.statusCode() != 200) {
                throw new LauncherException("No Keycloak admin token (" + response.statusCode() + "): " + response.body());
            }
            try {
                return JSON.readTree(response.body()).get("access_token").asText();
            } catch (JsonProcessingException e) {
                throw new LauncherException("Keycloak's token answer is not JSON: " + response.body(), e);
            }
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return suite.http().send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new LauncherException("Cannot reach " + request.uri() + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LauncherException("Interrupted");
            }
        }

        /**
         * Until {@code group} has committed the end of every partition of {@code topics}, and the ends have not moved
         * for five seconds (outcomes-service's outbox may still be publishing what it read last).
         */
        private void awaitRead(String client, String group, List<String> topics) {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(60));
            Instant lastReport = Instant.now();
            try (Admin admin = Admin.create(suite.kafkaClient(client))) {
                Map<TopicPartition, Long> previousEnds = Map.of();
                while (true) {
                    Map<TopicPartition, Long> ends = ends(admin, topics);
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get();
                    long behind = ends.entrySet().stream().mapToLong(e -> {
                        OffsetAndMetadata at = committed.get(e.getKey());
                        return e.getValue() - (at == null ? 0 : at.offset());
                    }).sum();
                    if (behind == 0 && ends.equals(previousEnds)) {
                        return;
                    }
                    if (Instant.now().isAfter(deadline)) {
                        throw new LauncherException(group + " is still " + behind + " events behind on " + topics + " after 60 minutes");
                    }
                    if (Duration.between(lastReport, Instant.now()).toSeconds() >= 30) {
                        out.printf("  %s: %d events still to read%n", group, behind);
                        lastReport = Instant.now();
                    }
                    previousEnds = behind == 0 ? ends : Map.of();
                    ManagedProcess.sleep(Duration.ofSeconds(behind == 0 ? 5 : 2));
                }
            } catch (ExecutionException e) {
                throw new LauncherException("Cannot read " + group + "'s offsets: " + e.getCause().getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LauncherException("Interrupted");
            }
        }

        private static Map<TopicPartition, Long> ends(Admin admin, List<String> topics)
                throws ExecutionException, InterruptedException {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description.partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(latest).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }

        private static long seconds(Instant since) {
            return Duration.between(since, Instant.now()).toSeconds();
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The hour the year ends at: an hour ago, so that every time in it is in the past for the API's checks. */
    static OffsetDateTime endingNow() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).minusHours(1);
    }
}
