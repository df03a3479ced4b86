package org.linkwork.directory.access;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who may read the directory: the NHS roles that search it with a patient, and curators. A region
 * that publishes its directory as open data sets {@code linkwork.directory.public-read=true}.
 */
@ApplicationScoped
public class ReadAccess {

    public static final String CURATOR = "directory-curator";
    static final Set<String> READERS = Set.of("link-worker", "coordinator", "gp", CURATOR);

    @ConfigProperty(name = "linkwork.directory.public-read", defaultValue = "false")
    boolean publicRead;

    @Inject
    SecurityIdentity identity;

    public void check() {
        if (publicRead) {
            return;
        }
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (READERS.stream().noneMatch(identity::hasRole)) {
            throw new ForbiddenException();
        }
    }
}
