package org.linkwork.directory.services;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A named person or role to contact about a service. */
@Entity
@Table(name = "contact")
public class Contact extends OwnedRow {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "service_id")
    public Service service;

    public String name;

    public String title;

    public String email;

    public String phone;
}
