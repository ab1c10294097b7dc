package io.careledger.api.customer;

import io.careledger.api.common.Money;

/** One line of a purchase: {@code quantity} units of {@code sku} at {@code unitPrice}. */
public record PurchaseLine(String sku, String category, int quantity, Money unitPrice) {

    /** unitPrice x quantity, exact. */
    public Money lineTotal() {
        return new Money(unitPrice.amount().multiply(java.math.BigDecimal.valueOf(quantity)), unitPrice.currency());
    }
}
