package org.linkwork.caseload.linkworkers;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PracticeRepository implements PanacheRepositoryBase<Practice, String> {

    public Optional<String> pcnOf(String odsCode) {
        return findByIdOptional(odsCode).map(p -> p.pcnCode);
    }
}
