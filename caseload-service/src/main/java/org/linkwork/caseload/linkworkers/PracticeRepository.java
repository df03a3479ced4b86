package org.linkwork.caseload.linkworkers;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PracticeRepository implements PanacheRepositoryBase<Practice, String> {
}
