package org.linkwork.referral.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.referral.referral.NhsNumber;
import org.linkwork.referral.referral.ReferralSearch;
import org.linkwork.referral.referral.ReferralStatus;

/**
 * A FHIR search of ServiceRequests or Tasks, read strictly: every parameter is one the CapabilityStatement
 * declares (it is built from {@link #SERVICE_REQUEST}, {@link #TASK} and {@link #RESULT_PARAMETERS}), and
 * anything else, or a value that cannot be read, is a 400 naming the parameter.
 */
final class FhirSearch {

    static final int DEFAULT_COUNT = 20;
    static final int MAX_COUNT = 100;
    static final String COUNT = "_count";
    static final String INCLUDE = "_include";
    /** Where the next page starts; only in the {@code next} links the facade writes. */
    static final String CURSOR = "_cursor";
    static final String INCLUDE_PATIENT = "ServiceRequest:patient";

    /**
     * A declared search parameter: its FHIR name, type and definition, how a caller writes it in a query
     * (modifiers and chains included) and what it does to the search.
     */
    record Parameter(String name, SearchParamType type, String definition, String documentation,
            List<String> spellings, BiConsumer<FhirSearch, String> apply) {
    }

    /** A parameter of the search's result rather than of the resource, declared once for the whole server. */
    record ResultParameter(String name, SearchParamType type, String documentation) {
    }

    private static final Parameter PATIENT = new Parameter("patient", SearchParamType.REFERENCE,
            "http://hl7.org/fhir/SearchParameter/clinical-patient",
            "By the patient's NHS number only: patient:identifier=" + UkCore.NHS_NUMBER
                    + "|<nhs number>, or chained as patient.identifier=...",
            List.of("patient:identifier", "patient.identifier"), (s, v) -> s.nhsNumber = nhsNumber(v));

    private static final Parameter LAST_UPDATED = new Parameter("_lastUpdated", SearchParamType.DATE,
            "http://hl7.org/fhir/SearchParameter/Resource-lastUpdated",
            "When the referral last changed; prefixes eq (default), ge, gt, le, lt; a date or a dateTime with zone; "
                    + "may be repeated for a range",
            List.of("_lastUpdated"), (s, v) -> s.updated.add("_lastUpdated", v));

    static final List<Parameter> SERVICE_REQUEST = List.of(
            PATIENT,
            new Parameter("status", SearchParamType.TOKEN, "http://hl7.org/fhir/SearchParameter/ServiceRequest-status",
                    "One or more (comma-separated) of " + ReferralProgress.serviceRequestStatusCodes(),
                    List.of("status"), (s, v) -> s.statuses = statuses("status", v,
                            ReferralProgress.serviceRequestStatusCodes(), ReferralProgress::withServiceRequestStatus)),
            new Parameter("requester", SearchParamType.REFERENCE,
                    "http://hl7.org/fhir/SearchParameter/ServiceRequest-requester",
                    "By the referring organisation's ODS code only: requester:identifier=" + UkCore.ODS + "|<ODS code>",
                    List.of("requester:identifier", "requester.identifier"), (s, v) -> s.odsCode = odsCode(v)),
            new Parameter("authored", SearchParamType.DATE, "http://hl7.org/fhir/SearchParameter/ServiceRequest-authored",
                    "When the referral was received; prefixes eq (default), ge, gt, le, lt; a date or a dateTime with "
                            + "zone; may be repeated for a range",
                    List.of("authored"), (s, v) -> s.received.add("authored", v)),
            LAST_UPDATED);

    static final List<Parameter> TASK = List.of(
            new Parameter("based-on", SearchParamType.REFERENCE, "http://hl7.org/fhir/SearchParameter/Task-based-on",
                    "The referral's ServiceRequest: based-on=ServiceRequest/<id>", List.of("based-on"),
                    (s, v) -> s.referralId = serviceRequestId(v)),
            PATIENT,
            new Parameter("status", SearchParamType.TOKEN, "http://hl7.org/fhir/SearchParameter/Task-status",
                    "One or more (comma-separated) of " + ReferralProgress.taskStatusCodes(), List.of("status"),
                    (s, v) -> s.statuses = statuses("status", v, ReferralProgress.taskStatusCodes(),
                            ReferralProgress::withTaskStatus)),
            LAST_UPDATED);

    static final List<ResultParameter> RESULT_PARAMETERS = List.of(
            new ResultParameter(COUNT, SearchParamType.NUMBER,
                    "Page size: default " + DEFAULT_COUNT + ", at most " + MAX_COUNT + "; results are newest first"),
            new ResultParameter(CURSOR, SearchParamType.STRING,
                    "Opaque position of the next page; follow the Bundle's next link rather than writing it"));

    private UUID referralId;
    private Set<ReferralStatus> statuses;
    private String nhsNumber;
    static final List<Parameter> OBSERVATION = List.of(
            new Parameter("based-on", SearchParamType.REFERENCE, "http://hl7.org/fhir/SearchParameter/Observation-based-on",
                    "The referral's ServiceRequest: based-on=ServiceRequest/<id>", List.of("based-on"),
                    (s, v) -> s.referralId = serviceRequestId(v)),
            PATIENT,
            new Parameter("_lastUpdated", SearchParamType.DATE, "http://hl7.org/fhir/SearchParameter/Resource-lastUpdated",
                    "When the update was recorded; prefixes eq (default), ge, gt, le, lt; a date or a dateTime with zone;"
                            + " may be repeated for a range (gt<time of the last poll> for what is new)",
                    List.of("_lastUpdated"), (s, v) -> s.updated.add("_lastUpdated", v)));

    private String odsCode;
    private final Bounds received = new Bounds();
    private final Bounds updated = new Bounds();
    private ReferralSearch.Position after;
    int count = DEFAULT_COUNT;
    boolean includePatient;

    private FhirSearch() {
    }

    /**
     * @param includes the {@code _include} values this resource type supports
     * @throws ProblemException 400 naming the first parameter that is unknown, repeated or unreadable
     */
    static FhirSearch parse(Map<String, List<String>> query, List<Parameter> declared, Set<String> includes) {
        FhirSearch search = new FhirSearch();
        query.forEach((name, values) -> {
            Parameter parameter = declared.stream().filter(p -> p.spellings().contains(name)).findFirst().orElse(null);
            boolean repeatable = parameter != null && parameter.type() == SearchParamType.DATE;
            if (parameter == null && !name.equals(COUNT) && !name.equals(CURSOR) && !(name.equals(INCLUDE) && !includes.isEmpty())) {
                throw ProblemException.badRequest(name, "is not a search parameter of this resource; supported: "
                        + declared.stream().flatMap(p -> p.spellings().stream()).toList() + ", " + COUNT
                        + (includes.isEmpty() ? "" : ", " + INCLUDE) + " (see /fhir/metadata)");
            }
            if (values.size() > 1 && !repeatable) {
                throw ProblemException.badRequest(name, "may be given once");
            }
            for (String value : values) {
                if (value == null || value.isBlank()) {
                    throw ProblemException.badRequest(name, "has no value");
                }
                if (parameter != null) {
                    parameter.apply().accept(search, value);
                } else if (name.equals(COUNT)) {
                    search.count = count(value);
                } else if (name.equals(CURSOR)) {
                    search.after = cursor(value);
                } else if (!includes.contains(value)) {
                    throw ProblemException.badRequest(INCLUDE, "supports only " + includes);
                } else {
                    search.includePatient = true;
                }
            }
        });
        return search;
    }

    ReferralSearch toReferralSearch() {
        return new ReferralSearch(referralId, statuses, nhsNumber, odsCode, received.from, received.to, updated.from,
                updated.to, after);
    }

    /** The value of {@link #CURSOR} that continues after this referral. */
    static String cursorAfter(OffsetDateTime receivedAt, UUID id) {
        return receivedAt.toInstant().truncatedTo(ChronoUnit.MICROS) + "~" + id;
    }

    private static ReferralSearch.Position cursor(String value) {
        int separator = value.indexOf('~');
        try {
            if (separator > 0) {
                return new ReferralSearch.Position(
                        Instant.parse(value.substring(0, separator)).atOffset(ZoneOffset.UTC),
                        UUID.fromString(value.substring(separator + 1)));
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            // Answered below like any other value that is not a position.
        }
        throw ProblemException.badRequest(CURSOR, "is not a position this server wrote; follow the next link");
    }

    private static int count(String value) {
        try {
            int count = Integer.parseInt(value);
            if (count >= 1 && count <= MAX_COUNT) {
                return count;
            }
        } catch (NumberFormatException e) {
            // Answered below like a number out of range.
        }
        throw ProblemException.badRequest(COUNT, "must be a whole number from 1 to " + MAX_COUNT);
    }

    private static String nhsNumber(String value) {
        String number = identifierValue("patient.identifier", value, UkCore.NHS_NUMBER);
        if (!NhsNumber.isValid(number)) {
            throw ProblemException.badRequest("patient.identifier", "is not a valid NHS number");
        }
        return NhsNumber.normalise(number);
    }

    private static String odsCode(String value) {
        String code = identifierValue("requester.identifier", value, UkCore.ODS);
        if (!code.matches("^[A-Z0-9]{3,6}$")) {
            throw ProblemException.badRequest("requester.identifier", "is not an ODS code (3 to 6 capital letters or digits)");
        }
        return code;
    }

    /** The value of a token {@code system|value}, whose system must be the one given. */
    private static String identifierValue(String name, String token, String system) {
        int bar = token.indexOf('|');
        if (bar < 0 || !token.substring(0, bar).equals(system) || bar == token.length() - 1) {
            throw ProblemException.badRequest(name, "must be " + system + "|<value>");
        }
        return token.substring(bar + 1);
    }

    private static UUID serviceRequestId(String value) {
        String id = value.startsWith("ServiceRequest/") ? value.substring("ServiceRequest/".length()) : value;
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("based-on", "must be ServiceRequest/<id> with the referral's id");
        }
    }

    private static Set<ReferralStatus> statuses(String name, String value, Set<String> codes,
            Function<String, Set<ReferralStatus>> statusesOf) {
        Set<ReferralStatus> statuses = EnumSet.noneOf(ReferralStatus.class);
        for (String code : value.split(",")) {
            if (!codes.contains(code)) {
                throw ProblemException.badRequest(name, "must be one or more of " + codes);
            }
            statuses.addAll(statusesOf.apply(code));
        }
        return statuses;
    }

    /** The bounds of one date parameter, narrowed by each of its values: from inclusive, to exclusive. */
    private static final class Bounds {

        private static final Pattern VALUE = Pattern.compile("^(eq|ge|gt|le|lt)?(.+)$");

        OffsetDateTime from;
        OffsetDateTime to;

        void add(String name, String value) {
            Matcher matcher = VALUE.matcher(value);
            matcher.matches();
            String prefix = matcher.group(1) == null ? "eq" : matcher.group(1);
            OffsetDateTime start;
            OffsetDateTime end;
            try {
                if (matcher.group(2).length() == 10) {
                    start = LocalDate.parse(matcher.group(2)).atStartOfDay().atOffset(ZoneOffset.UTC);
                    end = start.plusDays(1);
                } else {
                    // A stored time has microseconds; the instant given covers that one microsecond.
                    start = OffsetDateTime.parse(matcher.group(2)).truncatedTo(ChronoUnit.MICROS);
                    end = start.plus(1, ChronoUnit.MICROS);
                }
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest(name,
                        "must be a date (2026-11-01) or a dateTime with zone (2026-11-01T09:00:00Z), with an optional "
                                + "prefix eq, ge, gt, le or lt");
            }
            switch (prefix) {
                case "ge" -> from(start);
                case "gt" -> from(end);
                case "le" -> to(end);
                case "lt" -> to(start);
                default -> {
                    from(start);
                    to(end);
                }
            }
        }

        private void from(OffsetDateTime value) {
            from = from == null || value.isAfter(from) ? value : from;
        }

        private void to(OffsetDateTime value) {
            to = to == null || value.isBefore(to) ? value : to;
        }
    }
}
