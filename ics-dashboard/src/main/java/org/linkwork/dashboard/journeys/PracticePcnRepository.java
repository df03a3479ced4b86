package org.linkwork.dashboard.journeys;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PracticePcnRepository implements PanacheRepositoryBase<PracticePcn, String> {

    public Map<String, String> pcnOfPractice() {
        return streamAll().collect(Collectors.toMap(practice -> practice.odsCode, practice -> practice.pcnCode));
    }
}
