package org.linkwork.directory.services;

import java.util.UUID;

/**
 * A change the directory announces on {@code directory-events}, fired in the transaction of the change and
 * published as it is: its components are the event's data, whose schema is {@code /asyncapi/schemas/<type>.json}.
 */
public interface DirectoryEvent {

    /** The CloudEvents type. */
    String type();

    /** The service it is about, whose id keys the Kafka record. */
    UUID serviceId();
}
