package org.linkwork.dashboard.wellbeing;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One score of one assessment, e.g. the SWEMWBS metric score at a referral's baseline. */
@Entity
public class AssessmentScore {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String referral;
    public String instrument;
    public String timepoint;
    public OffsetDateTime completedAt;
    public String measure;
    public BigDecimal value;
}
