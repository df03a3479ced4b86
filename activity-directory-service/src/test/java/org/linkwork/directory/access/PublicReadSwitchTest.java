package org.linkwork.directory.access;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.linkwork.platform.security.Caller;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** The public-read switch, decided without starting the application a second time. */
class PublicReadSwitchTest {

    /** Caller's constructor is the container's; the test builds one the same way, around an identity of its own. */
    private static DirectoryAccess access(boolean publicRead, SecurityIdentity identity) {
        try {
            Constructor<Caller> caller = Caller.class.getDeclaredConstructor(SecurityIdentity.class);
            caller.setAccessible(true);
            return new DirectoryAccess(publicRead, caller.newInstance(identity));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final QuarkusSecurityIdentity ANONYMOUS = QuarkusSecurityIdentity.builder().setAnonymous(true).build();

    private static QuarkusSecurityIdentity withRole(String role) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("someone")).addRoles(Set.of(role)).build();
    }

    @Test
    void aClosedDirectoryTurnsAwayAnonymousCallersAndOtherRoles() {
        assertThrows(UnauthorizedException.class, () -> access(false, ANONYMOUS).checkRead());
        assertThrows(ForbiddenException.class, () -> access(false, withRole("ics-analyst")).checkRead());
        assertDoesNotThrow(() -> access(false, withRole("link-worker")).checkRead());
    }

    @Test
    void anOpenDirectoryIsReadableWithoutAToken() {
        assertDoesNotThrow(() -> access(true, ANONYMOUS).checkRead());
        assertDoesNotThrow(() -> access(true, withRole("ics-analyst")).checkRead());
    }

    @Test
    void openOrClosedOnlyNhsReadersSeeCapacity() {
        for (boolean open : new boolean[] { true, false }) {
            assertFalse(access(open, ANONYMOUS).seesCapacity());
            assertFalse(access(open, withRole("ics-analyst")).seesCapacity());
            assertTrue(access(open, withRole("gp")).seesCapacity());
            assertTrue(access(open, withRole("directory-curator")).seesCapacity());
        }
    }
}
