package org.linkwork.directory.access;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who may read the directory. Community activities are public information and Open Referral UK
 * expects an openly readable API, so by default anyone may read ({@code linkwork.directory.public-read},
 * default {@code true}); a region that keeps its directory closed sets it to {@code false}, and then only
 * the NHS roles that search it with a patient, and curators, may read. Places taken follow patients'
 * social prescriptions, so only those roles see {@code capacity}, open or not.
 * <p>
 * The read resources are {@code @PermitAll} and call {@link #checkRead()}: {@code @RolesAllowed} is fixed
 * when the jar is built and cannot admit callers without a token, so it cannot express a switch between
 * "anyone" and "NHS readers" made at run time. Curation is {@code @RolesAllowed(CURATOR)}.
 */
@RequestScoped
public class DirectoryAccess {

    public static final String CURATOR = "directory-curator";
    static final Set<String> READERS = Set.of("link-worker", "coordinator", "gp", CURATOR);

    private final boolean publicRead;
    private final SecurityIdentity identity;

    DirectoryAccess(@ConfigProperty(name = "linkwork.directory.public-read", defaultValue = "true") boolean publicRead,
            SecurityIdentity identity) {
        this.publicRead = publicRead;
        this.identity = identity;
    }

    /** Refuses a read of a closed directory: 401 without a token, 403 for a role that may not read it. */
    public void checkRead() {
        if (publicRead) {
            return;
        }
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!isNhsReader()) {
            throw new ForbiddenException();
        }
    }

    /** Whether the caller may see capacity: places per session, taken and available. */
    public boolean seesCapacity() {
        return !identity.isAnonymous() && isNhsReader();
    }

    private boolean isNhsReader() {
        return READERS.stream().anyMatch(identity::hasRole);
    }
}
