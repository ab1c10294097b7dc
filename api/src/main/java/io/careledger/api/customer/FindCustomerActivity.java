package io.careledger.api.customer;

import java.util.Optional;

/**
 * What the read model knows about a customer beyond the file: open cases and last contact. Answers
 * {@code Optional<CustomerActivity>} (empty until the customer has been projected).
 */
public record FindCustomerActivity(CustomerId customerId) {
}
