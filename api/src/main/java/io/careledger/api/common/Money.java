package io.careledger.api.common;

import java.math.BigDecimal;
import java.util.Currency;

/** An exact amount in one currency. Never a floating-point number. */
public record Money(BigDecimal amount, String currency) {
    public Money {
        if (amount == null) {
            throw new InvalidValueException("amount", "amount is required");
        }
        if (amount.signum() < 0) {
            throw new InvalidValueException("amount", "amount must not be negative");
        }
        if (amount.scale() > 2) {
            throw new InvalidValueException("amount", "amount has at most 2 decimal places");
        }
        if (amount.scale() < 0) {
            // 1E+3 and 1000 are the same amount; keep the plain form so the decimal string never uses exponents.
            amount = amount.setScale(0);
        }
        if (currency == null) {
            throw new InvalidValueException("currency", "currency is required");
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("currency", "currency must be an ISO-4217 code, was " + currency);
        }
    }

    public static Money of(String amount, String currency) {
        try {
            return new Money(new BigDecimal(amount), currency);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("amount", "amount must be a decimal number, was " + amount);
        }
    }

    /** The decimal string clients see: plain notation, never exponent form. */
    public String amountText() {
        return amount.toPlainString();
    }
}
