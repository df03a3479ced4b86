package org.linkwork.directory.events;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What the directory reads of {@code case.activity-prescribed} and {@code case.activity-ended}: the case and the
 * service. {@code serviceId} is text, as link workers may prescribe activities that are not in this directory.
 */
public record PrescribedActivity(@NotNull UUID caseId, @NotBlank String serviceId) {
}
