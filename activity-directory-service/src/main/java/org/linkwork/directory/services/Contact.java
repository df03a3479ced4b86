package org.linkwork.directory.services;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/** A named person or role to contact about a service. */
@Entity
public class Contact extends OwnedRow {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Service service;

    public String name;

    public String title;

    public String email;

    public String phone;
}
