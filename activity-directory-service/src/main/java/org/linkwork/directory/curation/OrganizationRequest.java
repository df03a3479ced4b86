package org.linkwork.directory.curation;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.linkwork.directory.organizations.OrganizationView;

/**
 * A curator's organization. Components are named exactly like the HSDS JSON fields (snake_case) so a
 * bean-validation problem names the field the curator sent; {@code version} is the version last read.
 */
public record OrganizationRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 4000) String description,
        @Email String email,
        @Pattern(regexp = "^https?://\\S+$", message = "must be an http(s) URL") String website,
        Long version) {

    OrganizationView toOruk(UUID id) {
        return new OrganizationView(id.toString(), name.trim(), description, email, website, version == null ? 0 : version);
    }
}
