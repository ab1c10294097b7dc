package io.careledger.api.complaint;

/** Lifecycle of DOMAIN.md §4. */
public enum ComplaintStatus {
    FILED,
    ACKNOWLEDGED,
    IN_PROGRESS,
    RESOLUTION_PROPOSED,
    RESOLVED,
    FOLLOWED_UP,
    CLOSED,
    REOPENED
}
