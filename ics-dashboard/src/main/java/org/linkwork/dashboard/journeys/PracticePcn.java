package org.linkwork.dashboard.journeys;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The PCN a practice was last seen in. */
@Entity
public class PracticePcn {

    @Id
    public String odsCode;
    public String pcnCode;
}
