package org.linkwork.referral.network;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A practice of the network and its PCN (migration V3); read-only, changed only by migrations. */
@Entity
@Immutable
@Table(name = "network_practice")
public class NetworkPractice {

    @Id
    @Column(name = "ods_code")
    public String odsCode;

    @Column(nullable = false)
    public String name;

    @Column(name = "pcn_code", nullable = false)
    public String pcnCode;
}
