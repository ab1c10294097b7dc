package io.careledger.query.metrics;

import java.time.Duration;

import io.careledger.api.common.Money;
import io.careledger.api.refund.RefundApproved;
import io.careledger.api.refund.RefundEvent;
import io.careledger.api.refund.RefundPaid;
import io.careledger.api.refund.RefundRejected;
import io.careledger.api.refund.RefundRequested;

/** What a refund's events contribute to the metrics (docs/metrics.md, "Refunds"). Pure. */
final class RefundFacts {

    private RefundFacts() {
    }

    /** @param state the fact before the event; null only before the refund was requested */
    static MetricFact apply(MetricFact state, RefundEvent event, long sequence) {
        if (event instanceof RefundRequested requested) {
            MetricFact.Draft d = MetricFact.draft(requested.refundId().value(), MetricFact.Kind.REFUND, sequence,
                    requested.occurredAt());
            d.storeId = requested.storeId() == null ? null : requested.storeId().value();
            d.customerId = requested.customerId().value();
            d.currency = requested.amount().currency();
            d.requestedCents = cents(requested.amount());
            d.decided = false;
            return d.build();
        }
        if (state == null) {
            throw new IllegalStateException("Refund " + event.caseId() + " has a "
                    + event.getClass().getSimpleName() + " (sequence " + sequence + ") but was never requested");
        }
        MetricFact.Draft d = state.edit(sequence);
        if (event instanceof RefundApproved approved) {
            d.decided = true;
            d.automatic = approved.automatic();
            d.staffId = approved.by().value();
        } else if (event instanceof RefundRejected rejected) {
            d.decided = true;
            d.automatic = false;
            d.staffId = rejected.by().value();
        } else if (event instanceof RefundPaid paid) {
            d.paidCents = cents(paid.amount());
            d.paidAt = paid.occurredAt();
            d.hoursToPayment = ComplaintFacts.hours(Duration.between(state.at(), paid.occurredAt()));
        }
        return d.build();
    }

    /** Exact: amounts have at most two decimals, and sums of whole cents stay exact in Elasticsearch's doubles. */
    static long cents(Money money) {
        return money.amount().movePointRight(2).longValueExact();
    }
}
