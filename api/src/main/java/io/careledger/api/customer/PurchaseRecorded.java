package io.careledger.api.customer;

import io.careledger.api.common.Channel;
import io.careledger.api.common.EventName;
import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A purchase was recorded. Carries what the membership policy decided: the points earned and the balance
 * after them, the cumulative spend and the spend inside the tier policy's rolling window ending at
 * {@code purchasedAt}, with the policy version.
 */
@EventName("customer.purchase-recorded")
@Revision("1")
public record PurchaseRecorded(
        CustomerId customerId,
        OrderId orderId,
        StoreId storeId,
        Channel channel,
        List<PurchaseLine> lines,
        Money total,
        Instant purchasedAt,
        long pointsEarned,
        long pointsBalance,
        Money cumulativeSpend,
        Money rollingSpend,
        String membershipPolicyVersion,
        StaffId by,
        Instant occurredAt) implements CustomerEvent {
}
