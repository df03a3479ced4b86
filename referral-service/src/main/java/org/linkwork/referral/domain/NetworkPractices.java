package org.linkwork.referral.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** The GP practices whose patients this network's link workers serve (migration V3). */
@ApplicationScoped
public class NetworkPractices {

    private final EntityManager entityManager;

    NetworkPractices(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public boolean includes(String odsCode) {
        return !entityManager.createNativeQuery("SELECT 1 FROM network_practice WHERE ods_code = ?1")
                .setParameter(1, odsCode).getResultList().isEmpty();
    }
}
