package io.careledger.command.complaint;

import io.careledger.api.complaint.Severity;

/**
 * Payload of a scheduled first-response deadline, stored by the deadline manager until it fires; renaming it
 * orphans pending deadlines. It names the level it was planned for: every re-plan comes with an escalation, so
 * a deadline whose level is no longer the complaint's is stale, however the cancellation raced with it.
 */
public record FirstResponseDeadline(Severity plannedFor) {
}
