package org.linkwork.caseload.linkworkers;

/** A worker of the PCN joined, returned or took on more cases: the PCN's waiting list may move. */
public record PlacesFreed(String pcnCode) {
}
