package org.linkwork.directory.services;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import org.linkwork.directory.organizations.Organization;

/**
 * A community activity or support service (HSDS {@code service}), with what ORUK lacks and link
 * workers need: places per session, places taken, and how people can be referred.
 */
@Entity
public class Service {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Organization organization;

    public String name;

    public String description;

    public String url;

    public String email;

    public String status;

    public String feesDescription;

    public String eligibilityDescription;

    public Integer minimumAge;

    public Integer maximumAge;

    public Integer placesPerSession;

    public int placesTaken;

    public boolean selfReferral;

    public boolean linkWorkerReferral = true;

    public String referralInstructions;

    public OffsetDateTime lastModified;

    @Version
    public long version;

    @OneToMany(mappedBy = "service", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<ServiceAtLocation> serviceAtLocations = new ArrayList<>();

    @OneToMany(mappedBy = "service", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<Schedule> schedules = new ArrayList<>();

    @OneToMany(mappedBy = "service", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<Attribute> attributes = new ArrayList<>();

    @OneToMany(mappedBy = "service", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<Contact> contacts = new ArrayList<>();

    @OneToMany(mappedBy = "service", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<CostOption> costOptions = new ArrayList<>();

    @OneToMany(mappedBy = "service", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    public List<Language> languages = new ArrayList<>();
}
