package io.careledger.api.refund;

import io.careledger.api.customer.CustomerId;
import java.time.Instant;

/**
 * How many refunds the customer requested at or after {@code since}, from the case read model. Answers a
 * {@code Long}. The abuse guard's input: eventually consistent, and the decision records what it saw.
 */
public record CountRecentRefunds(CustomerId customerId, Instant since) {
}
