package io.careledger.api.customer;

import io.careledger.api.common.Channel;
import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StoreId;
import java.time.Instant;
import java.util.List;

public record PurchaseView(CustomerId customerId, OrderId orderId, StoreId storeId, Channel channel, List<PurchaseLine> lines, Money total,
                           Instant purchasedAt, long pointsEarned) {
}
