package org.linkwork.caseload.linkworkers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A GP practice of the network, by ODS code, and the PCN it belongs to. */
@Entity
@Table(name = "practice")
public class Practice {

    @Id
    @Column(name = "ods_code")
    public String odsCode;

    @Column(nullable = false)
    public String name;

    public String postcode;

    @Column(name = "pcn_code", nullable = false)
    public String pcnCode;
}
