package org.linkwork.caseload.prescriptions;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.linkwork.caseload.cases.Case;
import org.linkwork.platform.problem.ProblemException;

/** A patient's referral by their link worker to a community activity in the directory. */
@Entity
@Table(name = "social_prescription")
public class SocialPrescription {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "case_id")
    public Case caseRecord;

    @Column(name = "service_id", nullable = false)
    public String serviceId;

    @Column(name = "service_name")
    public String serviceName;

    /** Codes of the service's terms in the directory's social prescribing taxonomy, when it was suggested. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "taxonomy_terms", nullable = false)
    public List<String> taxonomyTerms;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PrescriptionStatus status;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public long version;

    static SocialPrescription suggest(Case c, String serviceId, String serviceName, List<String> taxonomyTerms,
            String actor) {
        SocialPrescription prescription = new SocialPrescription();
        prescription.id = UUID.randomUUID();
        prescription.caseRecord = c;
        prescription.serviceId = serviceId;
        prescription.serviceName = serviceName;
        prescription.taxonomyTerms = List.copyOf(taxonomyTerms);
        prescription.status = PrescriptionStatus.SUGGESTED;
        prescription.createdBy = actor;
        prescription.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        prescription.updatedAt = prescription.createdAt;
        return prescription;
    }

    /** @return the status before the move */
    PrescriptionStatus moveTo(PrescriptionStatus next) {
        if (!status.canMoveTo(next)) {
            throw ProblemException.conflict("Social prescription " + id + " is " + status + " and cannot become " + next);
        }
        PrescriptionStatus before = status;
        status = next;
        updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return before;
    }
}
