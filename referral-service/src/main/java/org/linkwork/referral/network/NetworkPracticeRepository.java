package org.linkwork.referral.network;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The GP practices whose patients this network's link workers serve, with their PCN (migration V3). */
@ApplicationScoped
public class NetworkPracticeRepository implements PanacheRepositoryBase<NetworkPractice, String> {

    public boolean includes(String odsCode) {
        return pcnOf(odsCode).isPresent();
    }

    /** The PCN of a network practice; empty for any other organisation. */
    public Optional<String> pcnOf(String odsCode) {
        return findByIdOptional(odsCode).map(p -> p.pcnCode);
    }
}
