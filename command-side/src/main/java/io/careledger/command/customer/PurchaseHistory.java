package io.careledger.command.customer;

import io.careledger.api.common.OrderId;
import io.careledger.api.customer.PurchaseRecorded;
import io.careledger.command.customer.policy.Spend;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The customer's purchases as the aggregate's decisions need them: which orders are recorded (an order is never
 * counted twice), every purchase's time and total (the rolling window may end at any purchase's time, since
 * purchases can be recorded out of order), the cumulative spend and the latest purchase. Changed only from the
 * customer's event-sourcing handlers.
 */
final class PurchaseHistory {

    private final Set<OrderId> orders = new HashSet<>();
    private final List<Spend> spends = new ArrayList<>();
    private BigDecimal cumulativeSpend = BigDecimal.ZERO;
    private Instant latestPurchaseAt;

    boolean contains(OrderId orderId) {
        return orders.contains(orderId);
    }

    /** Every recorded purchase, plus {@code extra} when it is not null (the purchase being decided). */
    List<Spend> spendsWith(Spend extra) {
        List<Spend> all = new ArrayList<>(spends);
        if (extra != null) {
            all.add(extra);
        }
        return all;
    }

    BigDecimal cumulativeSpend() {
        return cumulativeSpend;
    }

    /** The latest time any recorded purchase was made (not recorded); null before the first purchase. */
    Instant latestPurchaseAt() {
        return latestPurchaseAt;
    }

    void add(PurchaseRecorded event) {
        orders.add(event.orderId());
        spends.add(new Spend(event.purchasedAt(), event.total().amount()));
        cumulativeSpend = event.cumulativeSpend().amount();
        if (latestPurchaseAt == null || event.purchasedAt().isAfter(latestPurchaseAt)) {
            latestPurchaseAt = event.purchasedAt();
        }
    }
}
