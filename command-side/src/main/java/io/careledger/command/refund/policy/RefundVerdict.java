package io.careledger.command.refund.policy;

import io.careledger.api.common.Money;
import io.careledger.api.refund.Coupon;
import io.careledger.api.refund.RefundDecisionInputs;
import io.careledger.api.refund.RefundRule;
import java.time.Duration;

/**
 * What {@link RefundApprovalPolicy} decided. {@code rule} null means no rule approves: the request waits for a
 * supervisor. Otherwise {@code amount} is what to pay, {@code coupon} any coupon, {@code automatic} false when the
 * approval is the requesting staff member's own (frontline authority), {@code instant} when it is paid at once,
 * and {@code settleWithin} how long the payment (or resend) may take.
 */
public record RefundVerdict(RefundRule rule, Money amount, Coupon coupon, boolean automatic, boolean instant,
                            Duration settleWithin, String policyVersion, RefundDecisionInputs inputs) {

    public boolean approved() {
        return rule != null;
    }
}
