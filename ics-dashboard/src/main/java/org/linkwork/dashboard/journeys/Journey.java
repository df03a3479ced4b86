package org.linkwork.dashboard.journeys;

import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** What the stream has told of one referral and its case, under the referral's pseudonym. */
@Entity
public class Journey {

    @Id
    public String referral;
    public String odsCode;
    public String casePcnCode;
    public OffsetDateTime receivedAt;
    public String sex;
    public String ethnicGroup;
    public String ageBand;
    public Integer imdDecile;
    public OffsetDateTime firstAssignedAt;
    public OffsetDateTime closedAt;
    public OffsetDateTime firstAttendedContactAt;
}
