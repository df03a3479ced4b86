package org.linkwork.directory.curation;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.linkwork.directory.services.ServiceView;

/**
 * A curator's service with its locations and taxonomy terms (by id), schedules, costs, languages and
 * contacts. Components are named like the HSDS JSON fields so a bean-validation problem names the
 * field the curator sent; {@code version} is the version last read (an older one is refused with 409).
 */
public record ServiceRequest(
        @NotNull UUID organization_id,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 8000) String description,
        @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String url,
        @Email String email,
        @Pattern(regexp = "^(active|inactive|temporarily closed)$", message = "must be active, inactive or temporarily closed") String status,
        String fees_description,
        String eligibility_description,
        @Min(0) @Max(120) Integer minimum_age,
        @Min(0) @Max(120) Integer maximum_age,
        @Min(0) @Max(10000) Integer places_per_session,
        boolean self_referral,
        Boolean link_worker_referral,
        String referral_instructions,
        List<@NotNull UUID> location_ids,
        List<@NotNull UUID> taxonomy_term_ids,
        List<@Valid @NotNull ScheduleRequest> schedules,
        List<@Valid @NotNull CostOptionRequest> cost_options,
        List<@Valid @NotNull LanguageRequest> languages,
        List<@Valid @NotNull ContactRequest> contacts,
        Long version) {

    static final String TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$";
    static final String DAYS = "^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$";

    public record ScheduleRequest(
            @Pattern(regexp = "^(WEEKLY|MONTHLY)$", message = "must be WEEKLY or MONTHLY") String freq,
            @NotBlank @Pattern(regexp = DAYS, message = "must be days like MO,TH") String byday,
            @NotBlank @Pattern(regexp = TIME, message = "must be a time like 09:30") String opens_at,
            @NotBlank @Pattern(regexp = TIME, message = "must be a time like 09:30") String closes_at,
            @Pattern(regexp = "^\\d{4}-\\d{2}-\\d{2}$", message = "must be a date like 2026-01-31") String valid_from,
            @Pattern(regexp = "^\\d{4}-\\d{2}-\\d{2}$", message = "must be a date like 2026-01-31") String valid_to,
            String description) {
    }

    public record CostOptionRequest(@NotBlank String option, @Pattern(regexp = "^[A-Z]{3}$") String currency,
            @DecimalMin("0") BigDecimal amount, String amount_description) {
    }

    public record LanguageRequest(@NotBlank String name, @Pattern(regexp = "^[a-z]{2,3}$", message = "must be an ISO 639 code") String code,
            String note) {
    }

    public record ContactRequest(@NotBlank String name, String title, @Email String email, String phone) {
    }

    /**
     * The request as an ORUK record: child lists are replaced as sent, under new ids; a service is active,
     * takes link-worker referrals and costs in pounds unless the curator says otherwise.
     */
    ServiceView toOruk(UUID id) {
        String service = id.toString();
        return new ServiceView(service, organization_id.toString(), name.trim(), description, url, email,
                status == null ? "active" : status, fees_description, eligibility_description, minimum_age, maximum_age,
                ServiceView.dateTime(OffsetDateTime.now(ZoneOffset.UTC)), null,
                each(schedules, s -> new ServiceView.ScheduleView(fresh(), service, s.freq(), s.byday(), s.opens_at(), s.closes_at(),
                        s.valid_from(), s.valid_to(), s.description())),
                each(location_ids, l -> new ServiceView.ServiceAtLocationView(fresh(), service, l.toString(), null, null)),
                each(taxonomy_term_ids == null ? null : taxonomy_term_ids.stream().distinct().toList(),
                        t -> new ServiceView.AttributeView(fresh(), service, "service", "service", t.toString(), null)),
                each(contacts, c -> new ServiceView.ContactView(fresh(), service, c.name(), c.title(), c.email(),
                        c.phone() == null ? List.of() : List.of(new ServiceView.PhoneView(null, null, c.phone())))),
                each(cost_options, c -> new ServiceView.CostOptionView(fresh(), service, c.option(),
                        c.currency() == null ? "GBP" : c.currency(), c.amount(), c.amount_description())),
                each(languages, l -> new ServiceView.LanguageView(fresh(), service, l.name(), l.code(), l.note())),
                new ServiceView.Capacity(places_per_session, 0, null),
                new ServiceView.Referral(self_referral, link_worker_referral == null || link_worker_referral, referral_instructions), null,
                version == null ? 0 : version);
    }

    private static <T, R> List<R> each(List<T> items, Function<T, R> oruk) {
        return Objects.requireNonNullElse(items, List.<T>of()).stream().map(oruk).toList();
    }

    private static String fresh() {
        return UUID.randomUUID().toString();
    }
}
