package org.linkwork.caseload.network;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A primary care network: practices working together, employing link workers. */
@Entity
@Table(name = "pcn")
public class Pcn {

    @Id
    public String code;

    public String name;
}
