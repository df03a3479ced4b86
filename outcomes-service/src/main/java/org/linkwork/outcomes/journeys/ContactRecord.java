package org.linkwork.outcomes.journeys;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One link-worker appointment: held (attended) or did-not-attend. */
@Entity
@Table(name = "contact_record")
public class ContactRecord {

    @Id
    @Column(name = "contact_id")
    public UUID contactId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "case_id")
    public CaseRecord kase;

    @Column(name = "contact_at", nullable = false)
    public OffsetDateTime contactAt;

    @Column(nullable = false)
    public boolean attended;
}
