package io.careledger.command.customer;

import io.careledger.api.customer.CustomerId;

/**
 * Whether a customer is registered. A port rather than a query so that a complaint can refuse an unknown
 * customer while it decides, without the complaint aggregate knowing how customers are stored.
 */
@FunctionalInterface
public interface KnownCustomers {

    boolean exists(CustomerId customerId);
}
