package org.linkwork.outcomes.journeys;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** One link-worker appointment: held (attended) or did-not-attend. */
@Entity
public class ContactRecord {

    @Id
    public UUID contactId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "case_id")
    public CaseRecord kase;

    @Column(nullable = false)
    public OffsetDateTime contactAt;

    @Column(nullable = false)
    public boolean attended;
}
