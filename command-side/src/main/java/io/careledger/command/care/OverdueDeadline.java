package io.careledger.command.care;

import java.time.Instant;

/**
 * Payload of a scheduled {@code care-task-overdue} deadline, stored by the deadline manager until it fires;
 * renaming it orphans pending deadlines. A task's due time never changes, so the payload only documents it.
 */
public record OverdueDeadline(Instant dueAt) {
}
