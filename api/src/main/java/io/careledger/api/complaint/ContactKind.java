package io.careledger.api.complaint;

/**
 * What a logged contact was: the nine handling steps of the sources, plus a transfer to someone else
 * (which costs the case its first-contact resolution) and a free note.
 */
public enum ContactKind {
    LISTEN,
    EMPATHISE,
    APOLOGISE,
    RESTATE,
    EXPLAIN,
    PROPOSE_SOLUTION,
    COMPENSATE,
    CHECK_SATISFACTION,
    FOLLOW_UP,
    TRANSFER,
    NOTE
}
