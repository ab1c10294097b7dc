package io.careledger.command.care.policy;

import io.careledger.api.care.CareSkipReason;
import io.careledger.api.customer.ContactChannel;

/**
 * What {@link CareConsentPolicy} decided for a new task: scheduled (messages on {@code channel}, calls and visits
 * with none) or skipped for {@code skipReason}.
 */
public record CareDecision(ContactChannel channel, CareSkipReason skipReason, String policyVersion) {

    static CareDecision scheduled(ContactChannel channel, String policyVersion) {
        return new CareDecision(channel, null, policyVersion);
    }

    static CareDecision skipped(CareSkipReason reason, String policyVersion) {
        return new CareDecision(null, reason, policyVersion);
    }

    public boolean isSkipped() {
        return skipReason != null;
    }
}
