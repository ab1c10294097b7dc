package io.careledger.api.care;

public enum CareTaskStatus {
    /** Due and not yet done. */
    OPEN,
    /** Past its due time and not done; still completable. */
    OVERDUE,
    DONE,
    /** Never actionable: recorded with the reason (no consent, no channel). */
    SKIPPED
}
