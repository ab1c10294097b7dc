package io.careledger.command.refund.policy;

import io.careledger.api.common.Money;
import io.careledger.api.refund.RefundReason;
import java.util.List;

/**
 * What the approval policy decides on: the requested amount, the reason, the categories of the lines (in line
 * order), whether a photo came with the request, and the customer's recent refunds as the read model counted
 * them.
 */
public record RefundFacts(Money amount, RefundReason reason, List<String> categories, boolean photo,
                          int recentRefunds) {

    public RefundFacts {
        categories = List.copyOf(categories);
    }
}
