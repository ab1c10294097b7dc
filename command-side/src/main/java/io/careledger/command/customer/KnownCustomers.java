package io.careledger.command.customer;

import io.careledger.api.customer.CustomerId;

/**
 * Whether a customer is registered. A port rather than a query so that a complaint can refuse an unknown
 * customer while it decides, without the complaint aggregate knowing how customers are stored.
 */
@FunctionalInterface
public interface KnownCustomers {

    boolean exists(CustomerId customerId);

    /**
     * Whether the customer's personal data was erased: then nothing personal about them (a complaint's
     * description, say) may be recorded any more. False unless an implementation knows better.
     */
    default boolean personalDataErased(CustomerId customerId) {
        return false;
    }
}
