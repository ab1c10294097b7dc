package io.careledger.api.care;

/** Why a care task was recorded as skipped instead of being scheduled. */
public enum CareSkipReason {
    /** A message task, and the customer has not consented to messages on the preferred channel. */
    NO_CONSENT,
    /** A message task, and the customer has no preferred channel to send it on. */
    NO_PREFERRED_CHANNEL,
    /** The customer withdrew consent to data processing: no contact at all. */
    DATA_PROCESSING_WITHDRAWN
}
