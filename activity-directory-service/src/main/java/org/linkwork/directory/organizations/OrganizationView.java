package org.linkwork.directory.organizations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** HSDS 3 {@code organization}; {@code version} is Linkwork's, for optimistic locking of curation edits. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganizationView(String id, String name, String description, String email, String website,
        long version) {

    public static OrganizationView of(Organization organization) {
        return new OrganizationView(organization.id.toString(), organization.name, organization.description,
                organization.email, organization.website, organization.version);
    }
}
