package org.linkwork.referral.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Who referred: the practice (or NHS organisation) by ODS code and the clinician. */
@Embeddable
public class Referrer {

    @Column(name = "ods_code", nullable = false, length = 10)
    public String odsCode;

    @Column(name = "practitioner_name", nullable = false)
    public String practitionerName;

    @Column(name = "practitioner_role", nullable = false)
    public String practitionerRole;
}
