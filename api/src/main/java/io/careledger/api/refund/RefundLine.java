package io.careledger.api.refund;

import io.careledger.api.common.Money;
import java.math.BigDecimal;

/** One returned line: {@code quantity} units of {@code sku} (of {@code category}) at {@code unitPrice}. */
public record RefundLine(String sku, String category, int quantity, Money unitPrice) {

    /** unitPrice x quantity, exact. */
    public Money lineTotal() {
        return new Money(unitPrice.amount().multiply(BigDecimal.valueOf(quantity)), unitPrice.currency());
    }
}
