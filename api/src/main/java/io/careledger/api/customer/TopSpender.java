package io.careledger.api.customer;

import io.careledger.api.common.Money;

public record TopSpender(CustomerId customerId, Money annualSpend) {
}
