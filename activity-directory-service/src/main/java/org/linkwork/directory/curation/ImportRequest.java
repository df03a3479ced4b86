package org.linkwork.directory.curation;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkwork.directory.services.ServiceView;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An ORUK export: fully nested services as a JSON array, or an ORUK page whose {@code contents} holds them.
 * {@code field} is where the services sit in the body, for problems naming a field.
 */
@Schema(type = SchemaType.ARRAY, implementation = ServiceView.class,
        description = "Fully nested services; an ORUK page with the services in `contents` is read too")
public record ImportRequest(List<ServiceView> services, String field) {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ImportRequest of(List<ServiceView> services) {
        return new ImportRequest(services, "");
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    static ImportRequest page(@JsonProperty("contents") List<ServiceView> contents) {
        return new ImportRequest(contents, "contents");
    }
}
