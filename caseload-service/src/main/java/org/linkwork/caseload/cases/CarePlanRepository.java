package org.linkwork.caseload.cases;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CarePlanRepository implements PanacheRepositoryBase<CarePlan, UUID> {
}
