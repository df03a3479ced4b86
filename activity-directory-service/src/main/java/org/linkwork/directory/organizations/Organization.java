package org.linkwork.directory.organizations;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/** A provider of services: in social prescribing mostly a voluntary, community or social enterprise (VCSE). */
@Entity
public class Organization {

    @Id
    public UUID id;

    public String name;

    public String description;

    public String email;

    public String website;

    @Version
    public long version;
}
