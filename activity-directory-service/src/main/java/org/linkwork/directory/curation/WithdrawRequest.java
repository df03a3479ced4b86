package org.linkwork.directory.curation;

import jakarta.validation.constraints.NotNull;

/** The version the curator last read. */
public record WithdrawRequest(@NotNull Long version) {
}
