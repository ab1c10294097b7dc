package io.careledger.command.refund;

import java.time.Instant;

/** Payload of the pending review deadline; renaming it orphans pending deadlines. */
public record RefundReviewDeadline(Instant dueAt) {
}
