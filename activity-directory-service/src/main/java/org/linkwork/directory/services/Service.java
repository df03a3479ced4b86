package org.linkwork.directory.services;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.linkwork.directory.organizations.Organization;

/**
 * A community activity or support service (HSDS {@code service}), with what ORUK lacks and link
 * workers need: places per session, places taken, and how people can be referred.
 */
@Entity
@Table(name = "service")
public class Service {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    public Organization organization;

    public String name;

    public String description;

    public String url;

    public String email;

    public String status;

    @Column(name = "fees_description")
    public String feesDescription;

    @Column(name = "eligibility_description")
    public String eligibilityDescription;

    @Column(name = "minimum_age")
    public Integer minimumAge;

    @Column(name = "maximum_age")
    public Integer maximumAge;

    @Column(name = "places_per_session")
    public Integer placesPerSession;

    @Column(name = "places_taken")
    public int placesTaken;

    @Column(name = "self_referral")
    public boolean selfReferral;

    @Column(name = "link_worker_referral")
    public boolean linkWorkerReferral = true;

    @Column(name = "referral_instructions")
    public String referralInstructions;

    @Column(name = "last_modified")
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
