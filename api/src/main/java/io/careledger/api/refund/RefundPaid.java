package io.careledger.api.refund;

import io.careledger.api.common.EventName;
import io.careledger.api.common.Money;
import io.careledger.api.common.StaffId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The approved amount was paid ({@code replacementItems} empty) or settled as an exchange for the listed
 * items. {@code instant} marks the fresh-food refund paid in the same step as its approval.
 */
@EventName("refund.paid")
@Revision("1")
public record RefundPaid(
        RefundId refundId,
        CustomerId customerId,
        Money amount,
        String paymentReference,
        List<String> replacementItems,
        boolean instant,
        StaffId by,
        Instant occurredAt) implements RefundEvent {

    public boolean exchange() {
        return replacementItems != null && !replacementItems.isEmpty();
    }
}
