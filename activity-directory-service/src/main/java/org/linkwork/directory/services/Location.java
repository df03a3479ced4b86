package org.linkwork.directory.services;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

/** Where a service is delivered; a single-line address is enough for link workers and patients. */
@Entity
public class Location {

    @Id
    public UUID id;

    public UUID organizationId;

    public String locationType = "physical";

    public String name;

    public String description;

    @Column(name = "address_1")
    public String address1;

    public String city;

    public String stateProvince;

    public String postalCode;

    public Double latitude;

    public Double longitude;

    @OneToMany(mappedBy = "location", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<Accessibility> accessibility = new ArrayList<>();

    @Version
    public long version;
}
