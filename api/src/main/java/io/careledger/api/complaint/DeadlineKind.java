package io.careledger.api.complaint;

/** The service-level deadlines a complaint can miss. */
public enum DeadlineKind {
    FIRST_RESPONSE
}
