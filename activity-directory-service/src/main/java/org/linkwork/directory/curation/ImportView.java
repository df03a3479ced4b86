package org.linkwork.directory.curation;

/** How many services an ORUK export held, and how many of them were new, changed or already identical. */
public record ImportView(int services, int created, int updated, int unchanged) {
}
