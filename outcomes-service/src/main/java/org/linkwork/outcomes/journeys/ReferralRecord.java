package org.linkwork.outcomes.journeys;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A referral as its events describe it, with the patient reduced to pseudonym, age band and postcode district. */
@Entity
@Table(name = "referral_record")
public class ReferralRecord {

    @Id
    @Column(name = "referral_id")
    public UUID referralId;

    @Column(name = "ods_code")
    public String odsCode;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;

    @Column(name = "accepted_at")
    public OffsetDateTime acceptedAt;

    @Column(name = "rejected_at")
    public OffsetDateTime rejectedAt;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "patient_pseudonym")
    public String patientPseudonym;

    @Column(name = "age_band")
    public String ageBand;

    @Column(name = "postcode_district")
    public String postcodeDistrict;
}
