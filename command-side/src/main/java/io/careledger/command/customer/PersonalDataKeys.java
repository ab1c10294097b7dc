package io.careledger.command.customer;

import io.careledger.api.customer.CustomerId;

/**
 * The customers' personal-data keys, as far as a decision needs them: erasing a customer's personal data is
 * deleting their key (crypto-shredding), after which nothing encrypted with it can be read again. A port, so
 * the customer aggregate does not know where keys are kept.
 */
@FunctionalInterface
public interface PersonalDataKeys {

    /**
     * Deletes the customer's key for good and remembers that it was erased, so no new key is ever made for
     * them. Idempotent: shredding an erased customer's key again changes nothing.
     */
    void shred(CustomerId customerId);
}
