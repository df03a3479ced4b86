package org.linkwork.outcomes.journeys;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

/**
 * A referral as its events describe it, with the patient reduced to pseudonym, age band, postcode district, sex,
 * ethnic group and deprivation decile (each null when unknown).
 */
@Entity
public class ReferralRecord {

    @Id
    public UUID referralId;
    public String odsCode;
    public OffsetDateTime receivedAt;
    public OffsetDateTime acceptedAt;
    public OffsetDateTime rejectedAt;
    public String rejectionReason;
    public String patientPseudonym;
    public String ageBand;
    public String postcodeDistrict;
    public String sex;
    @Enumerated(EnumType.STRING)
    public EthnicGroup ethnicGroup;
    public Integer imdDecile;
}
