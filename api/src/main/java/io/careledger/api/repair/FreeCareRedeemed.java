package io.careledger.api.repair;

import io.careledger.api.common.EventName;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A free care service was redeemed for a garment, as the warranty policy of {@code policyVersion} allowed. */
@EventName("repair.free-care-redeemed")
@Revision("1")
public record FreeCareRedeemed(GarmentId garmentId, CustomerId customerId, OrderId orderId, String sku,
                               FreeCareService service, String policyVersion, StaffId by, Instant occurredAt) {
}
