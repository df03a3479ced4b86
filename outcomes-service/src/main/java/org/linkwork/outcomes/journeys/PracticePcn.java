package org.linkwork.outcomes.journeys;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The primary care network a practice belongs to, as caseload-service's case events last said. */
@Entity
@Table(name = "practice_pcn")
public class PracticePcn {

    @Id
    @Column(name = "ods_code")
    public String odsCode;

    @Column(name = "pcn_code", nullable = false)
    public String pcnCode;

    @Column(name = "learnt_at", nullable = false)
    public OffsetDateTime learntAt;
}
