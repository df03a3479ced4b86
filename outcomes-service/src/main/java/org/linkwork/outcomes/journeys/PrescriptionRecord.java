package org.linkwork.outcomes.journeys;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One social prescription (activity) the patient accepted. */
@Entity
public class PrescriptionRecord {

    @Id
    public UUID prescriptionId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "case_id")
    public CaseRecord kase;

    @Column(nullable = false)
    public OffsetDateTime prescribedAt;

    /**
     * The directory's taxonomy term codes of the service (caseload-service's activity-prescribed.v2), empty when it
     * knew none; null while no v2 has told them (a prescription announced in v1 only).
     */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> taxonomyTerms;
}
