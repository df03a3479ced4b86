package org.linkwork.outcomes.journeys;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The primary care network a practice belongs to, as caseload-service's case events last said. */
@Entity
public class PracticePcn {

    @Id
    public String odsCode;

    @Column(nullable = false)
    public String pcnCode;

    @Column(nullable = false)
    public OffsetDateTime learntAt;
}
