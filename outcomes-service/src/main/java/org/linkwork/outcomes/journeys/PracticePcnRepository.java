package org.linkwork.outcomes.journeys;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PracticePcnRepository implements PanacheRepositoryBase<PracticePcn, String> {
}
