package io.careledger.api.error;

/** Stable codes of the user errors a client can receive. Never rename one: clients switch on them. */
public enum ErrorCode {
    /** The input is malformed or out of range; {@code field} names the culprit. */
    INVALID_INPUT,
    /** No such customer, complaint or case. */
    NOT_FOUND,
    /** An id that must be new is already taken. */
    ALREADY_EXISTS,
    /** The case's current status does not allow this step. */
    INVALID_TRANSITION,
    /** The complaint is at the highest severity level already. */
    ALREADY_AT_HIGHEST_LEVEL,
    /** More points redeemed than the customer holds; points never go negative. */
    INSUFFICIENT_POINTS,
    /** Someone else changed the same case at the same moment; retry. */
    CONCURRENT_MODIFICATION,
    /** No receipt, and the member's recorded purchases do not identify the order. */
    RECEIPT_REQUIRED,
    /** No original packaging for goods that are neither fresh nor fast-moving. */
    PACKAGING_REQUIRED,
    /** The garment does not qualify for this free service (not a qualifying suit, not leather, too late). */
    NOT_ELIGIBLE,
    /** The free service was already redeemed for this garment. */
    ALREADY_REDEEMED,
    /**
     * The customer's personal data was erased: it cannot be erased again, and nothing personal (profile fields,
     * notes, survey comments, complaint descriptions) can be recorded for that customer any more.
     */
    PERSONAL_DATA_ERASED,
    /** The {@code requestId} was already used for a different request (another input or mutation). */
    REQUEST_ID_REUSED,
    /** A request with this {@code requestId} is still running, or its outcome is unknown after a failure. */
    REQUEST_IN_PROGRESS
}
