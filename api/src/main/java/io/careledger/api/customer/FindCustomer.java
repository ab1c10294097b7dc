package io.careledger.api.customer;

/** The customer as the command side knows it now (replayed from its events). */
public record FindCustomer(CustomerId customerId) {
}
