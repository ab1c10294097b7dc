package io.careledger.api.timeline;

/** What a timeline entry is about; the filter clients use. */
public enum TimelineEntryType {
    REGISTRATION, PROFILE, NOTE, TAG, CONSENT, PURCHASE, TIER, POINTS, REFERRAL, COMPLAINT, CARE_TASK, SURVEY, REFUND, REPAIR
}
