package org.linkwork.platform.events;

/**
 * An event whose data does not bind to the record its consumer reads it into: a poison message, which no retry
 * can mend, so the inbox lets it through at once to the connector's dead-letter topic.
 */
public class InvalidEventData extends RuntimeException {

    public InvalidEventData(CloudEvent event, String problem, Throwable cause) {
        super("Event " + event.id() + " (" + event.type() + "): " + problem, cause);
    }
}
