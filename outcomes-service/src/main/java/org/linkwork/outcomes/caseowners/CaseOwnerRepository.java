package org.linkwork.outcomes.caseowners;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CaseOwnerRepository implements PanacheRepositoryBase<CaseOwner, UUID> {
}
