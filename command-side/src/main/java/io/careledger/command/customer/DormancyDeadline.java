package io.careledger.command.customer;

import java.time.Instant;

/**
 * Payload of a scheduled {@code customer-dormancy} deadline, stored by the deadline manager until it fires;
 * renaming it orphans pending deadlines. It names the last activity it was planned from: once a later purchase
 * is recorded, the deadline is stale however its cancellation raced with it.
 */
public record DormancyDeadline(Instant lastActivityAt) {
}
