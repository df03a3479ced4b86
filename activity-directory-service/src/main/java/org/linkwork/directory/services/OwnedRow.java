package org.linkwork.directory.services;

import java.util.UUID;

import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/** A row a service or location owns (a schedule, a cost, ...), under the id its ORUK record carries. */
@MappedSuperclass
public abstract class OwnedRow {

    @Id
    public UUID id;
}
