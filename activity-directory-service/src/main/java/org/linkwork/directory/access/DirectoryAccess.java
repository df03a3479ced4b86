package org.linkwork.directory.access;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.linkwork.platform.security.Caller;
import org.linkwork.platform.security.Roles;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Who may read the directory. Community activities are public information and Open Referral UK
 * expects an openly readable API, so by default anyone may read ({@code linkwork.directory.public-read},
 * default {@code true}); a region that keeps its directory closed sets it to {@code false}, and then only
 * the NHS roles that search it with a patient, and curators, may read. Places taken follow patients'
 * social prescriptions, so only those roles see {@code capacity}, open or not.
 * <p>
 * The read resources are {@code @PermitAll} and call {@link #checkRead()}: {@code @RolesAllowed} is fixed
 * when the jar is built and cannot admit callers without a token, so it cannot express a switch between
 * "anyone" and "NHS readers" made at run time. Curation is {@code @RolesAllowed(Roles.CURATOR)}.
 */
@RequestScoped
public class DirectoryAccess {

    static final Set<String> READERS = Set.of(Roles.LINK_WORKER, Roles.COORDINATOR, Roles.GP, Roles.CURATOR);

    private final boolean publicRead;
    private final Caller caller;

    DirectoryAccess(@ConfigProperty(name = "linkwork.directory.public-read", defaultValue = "true") boolean publicRead, Caller caller) {
        this.publicRead = publicRead;
        this.caller = caller;
    }

    /** Refuses a read of a closed directory: 401 without a token, 403 for a role that may not read it. */
    public void checkRead() {
        if (publicRead) {
            return;
        }
        if (caller.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (!isNhsReader()) {
            throw new ForbiddenException();
        }
    }

    /** Whether the caller may see capacity: places per session, taken and available. */
    public boolean seesCapacity() {
        return !caller.isAnonymous() && isNhsReader();
    }

    private boolean isNhsReader() {
        return READERS.stream().anyMatch(caller::hasRole);
    }
}
