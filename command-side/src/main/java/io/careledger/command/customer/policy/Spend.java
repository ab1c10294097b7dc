package io.careledger.command.customer.policy;

import java.math.BigDecimal;
import java.time.Instant;

/** One purchase as the tier policy sees it: when it was made and how much it came to. */
public record Spend(Instant at, BigDecimal amount) {

    public Spend {
        if (at == null || amount == null) {
            throw new IllegalArgumentException("a spend needs a time and an amount");
        }
    }
}
