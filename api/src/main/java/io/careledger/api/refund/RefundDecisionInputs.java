package io.careledger.api.refund;

import io.careledger.api.common.Money;
import java.util.List;

/**
 * What the approval policy saw when it decided: the requested amount, the reason, the categories returned,
 * whether a photo came with it, and the customer's recent refunds as the read model counted them when the
 * request was made ({@code recentRefundWindowDays} long).
 */
public record RefundDecisionInputs(
        Money requestedAmount,
        RefundReason reason,
        List<String> categories,
        boolean photo,
        int recentRefunds,
        long recentRefundWindowDays) {
}
