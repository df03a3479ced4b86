package org.linkwork.referral.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * Who referred: the practice or organisation by ODS code (for a self-referral, the practice the person is registered
 * with, which decides the PCN that triages it), the kind of referrer, and the clinician (none for a self-referral).
 */
@Embeddable
public class Referrer {

    @Column(name = "ods_code", nullable = false, length = 10)
    public String odsCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "referrer_type", nullable = false)
    public ReferrerType type;

    @Column(name = "practitioner_name")
    public String practitionerName;

    @Column(name = "practitioner_role")
    public String practitionerRole;
}
