package io.careledger.api.refund;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A supervisor refused the refund on review. */
@EventName("refund.rejected")
@Revision("1")
public record RefundRejected(RefundId refundId, CustomerId customerId, String note, StaffId by, Instant occurredAt)
        implements RefundEvent {
}
