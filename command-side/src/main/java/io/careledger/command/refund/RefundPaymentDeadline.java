package io.careledger.command.refund;

import java.time.Instant;

/** Payload of the pending payment deadline; renaming it orphans pending deadlines. */
public record RefundPaymentDeadline(Instant dueAt) {
}
