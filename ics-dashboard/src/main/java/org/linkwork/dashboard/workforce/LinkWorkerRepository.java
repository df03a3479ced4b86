package org.linkwork.dashboard.workforce;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class LinkWorkerRepository implements PanacheRepositoryBase<LinkWorker, String> {

    public List<LinkWorker> active() {
        return list("active = true");
    }
}
