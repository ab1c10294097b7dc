package io.careledger.command.care;

import io.careledger.api.customer.CustomerId;
import io.careledger.command.care.policy.ContactPermissions;
import java.util.Optional;

/**
 * A customer's consents and preferred channel, read when a care task is created. A port, like
 * {@code KnownCustomers}, so the care task decides from the customer's file without knowing how it is stored.
 */
@FunctionalInterface
public interface CustomerContactPermissions {

    /** Empty when no customer with that id is registered. */
    Optional<ContactPermissions> of(CustomerId customerId);
}
