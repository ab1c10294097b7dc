package io.careledger.service.graphql;

import io.careledger.api.common.Money;

/** {@code MoneyInput}: an exact decimal string and an ISO-4217 currency. */
public record MoneyInput(String amount, String currency) {

    public Money toMoney() {
        return Money.of(amount, currency);
    }
}
