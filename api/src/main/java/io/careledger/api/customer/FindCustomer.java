package io.careledger.api.customer;

import java.util.Optional;

/** The customer as the event store knows it now (replayed from its events). Answers {@code Optional<CustomerView>}. */
public record FindCustomer(CustomerId customerId) {
}
