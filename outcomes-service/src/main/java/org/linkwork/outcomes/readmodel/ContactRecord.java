package org.linkwork.outcomes.readmodel;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One link-worker appointment: held (attended) or did-not-attend. */
@Entity
@Table(name = "contact_record")
public class ContactRecord {

    @Id
    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "contact_at", nullable = false)
    public OffsetDateTime contactAt;

    @Column(nullable = false)
    public boolean attended;
}
