package org.linkwork.referral.domain;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The GP practices whose patients this network's link workers serve, with their PCN (migration V3). */
@ApplicationScoped
public class NetworkPractices {

    private final EntityManager entityManager;

    NetworkPractices(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public boolean includes(String odsCode) {
        return pcnOf(odsCode).isPresent();
    }

    /** The PCN of a network practice; empty for any other organisation. */
    public Optional<String> pcnOf(String odsCode) {
        return Optional.ofNullable(entityManager.find(NetworkPractice.class, odsCode)).map(p -> p.pcnCode);
    }
}
