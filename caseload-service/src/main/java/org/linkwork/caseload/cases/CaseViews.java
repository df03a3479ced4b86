package org.linkwork.caseload.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the case API. */
public final class CaseViews {

    private CaseViews() {
    }

    @Schema(name = "Case", description = "A patient's case: who they are, why referred, who works with them, how far it has got.")
    public record CaseView(UUID id, UUID referralId, CaseStatus status, Patient patient, String odsCode,
            String pcnCode, List<String> reasons, Urgency urgency, String referralNotes,
            OffsetDateTime referralReceivedAt, OffsetDateTime openedAt, Worker linkWorker, OffsetDateTime assignedAt,
            OffsetDateTime closedAt, ClosureReason closureReason) {

        static CaseView of(Case c) {
            var p = c.patient;
            return new CaseView(c.id, c.referralId, c.status,
                    new Patient(p.nhsNumber, p.givenName, p.familyName, p.dateOfBirth, p.postcode, p.phone, p.email,
                            p.preferredContact, p.interpreterLanguage, p.accessibilityNeeds),
                    c.odsCode, c.pcnCode, c.reasons.stream().sorted().toList(), c.urgency, c.referralNotes,
                    c.referralReceivedAt, c.openedAt,
                    c.linkWorker == null ? null : new Worker(c.linkWorker.id, c.linkWorker.username, c.linkWorker.name),
                    c.assignedAt, c.closedAt, c.closureReason);
        }
    }

    @Schema(name = "CasePatient")
    public record Patient(String nhsNumber, String givenName, String familyName, LocalDate dateOfBirth, String postcode,
            String phone, String email, String preferredContact, String interpreterLanguage, String accessibilityNeeds) {
    }

    @Schema(name = "AssignedLinkWorker")
    public record Worker(UUID id, String username, String name) {
    }

    @Schema(name = "AssignRequest")
    public record AssignRequest(@NotNull UUID linkWorkerId) {
    }

    @Schema(name = "ContactRequest", description = "An appointment or other contact; attended=false records a DNA.")
    public record ContactRequest(
            @NotNull @PastOrPresent @Schema(example = "2026-11-24T14:00:00Z") OffsetDateTime at,
            @NotNull ContactMode mode,
            @NotNull @Min(1) @Max(480) @Schema(example = "45") Integer durationMinutes,
            @NotNull Boolean attended,
            @Size(max = 2000) @Schema(example = "Talked about the walking group; will try Tuesday.") String note) {

        Contact toContact() {
            Contact contact = new Contact();
            contact.at = at;
            contact.mode = mode;
            contact.durationMinutes = durationMinutes;
            contact.attended = attended;
            contact.note = note;
            return contact;
        }
    }

    @Schema(name = "Contact")
    public record ContactView(UUID id, OffsetDateTime at, ContactMode mode, int durationMinutes, boolean attended,
            String note, String recordedBy) {
        static ContactView of(Contact c) {
            return new ContactView(c.id, c.at, c.mode, c.durationMinutes, c.attended, c.note, c.recordedBy);
        }
    }

    @Schema(name = "Goal")
    public record GoalView(@NotNull GoalDomain domain,
            @NotBlank @Size(max = 2000) @Schema(example = "Get out of the house twice a week") String description) {
    }

    @Schema(name = "CarePlan", description = "What matters to the patient and the personalised care and support plan agreed with them.")
    public record CarePlanView(
            @NotBlank @Size(max = 4000) @Schema(example = "Seeing people again; feeling useful") String whatMattersToMe,
            @NotNull @Size(max = 20) List<@NotNull @Valid GoalView> goals,
            @Size(max = 4000) @Schema(example = "Try the Tuesday walking group; call back in two weeks") String agreedActions,
            @Schema(example = "2027-01-15") LocalDate reviewDate,
            String updatedBy, OffsetDateTime updatedAt) {

        static CarePlanView of(CarePlan plan) {
            return new CarePlanView(plan.whatMattersToMe,
                    plan.goals.stream().map(g -> new GoalView(g.domain, g.description)).toList(), plan.agreedActions,
                    plan.reviewDate, plan.updatedBy, plan.updatedAt);
        }

        CarePlan toPlan() {
            CarePlan plan = new CarePlan();
            plan.whatMattersToMe = whatMattersToMe;
            goals.forEach(g -> plan.goals.add(new CarePlan.Goal(g.domain(), g.description())));
            plan.agreedActions = agreedActions;
            plan.reviewDate = reviewDate;
            return plan;
        }
    }

    @Schema(name = "PrescriptionRequest", description = "Suggest a directory service (activity) to the patient.")
    public record PrescriptionRequest(
            @NotBlank @Size(max = 100) @Schema(description = "The directory's service id", example = "3f1c2e7a-walking-group") String serviceId,
            @Size(max = 255) @Schema(example = "Beeston Tuesday Walk") String serviceName) {
    }

    @Schema(name = "PrescriptionStatusChange")
    public record PrescriptionStatusChange(@NotNull PrescriptionStatus status) {
    }

    @Schema(name = "SocialPrescription")
    public record PrescriptionView(UUID id, String serviceId, String serviceName, PrescriptionStatus status,
            String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
        static PrescriptionView of(SocialPrescription p) {
            return new PrescriptionView(p.id, p.serviceId, p.serviceName, p.status, p.createdBy, p.createdAt, p.updatedAt);
        }
    }

    @Schema(name = "CloseRequest")
    public record CloseRequest(@NotNull ClosureReason reason) {
    }
}
