package org.linkwork.platform.security;

/** The Linkwork realm's roles (DESIGN.md, security model), as {@code @RolesAllowed} names them. */
public final class Roles {

    public static final String GP = "gp";
    public static final String NHS_SERVICE = "nhs-service";
    public static final String COORDINATOR = "coordinator";
    public static final String LINK_WORKER = "link-worker";
    public static final String AUDITOR = "auditor";
    public static final String CURATOR = "directory-curator";
    public static final String ICS_ANALYST = "ics-analyst";

    private Roles() {
    }
}
