package io.careledger.api.customer;

import java.time.Instant;

/** {@code openCases}: cases not closed; {@code lastContactAt}: the latest case step or care contact. */
public record CustomerActivity(CustomerId customerId, int openCases, Instant lastContactAt) {
}
