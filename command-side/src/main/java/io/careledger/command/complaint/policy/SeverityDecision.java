package io.careledger.command.complaint.policy;

import io.careledger.api.complaint.Severity;
import java.time.Instant;

/** What {@link SeverityPolicy} decided for a new complaint, with the version to record beside it. */
public record SeverityDecision(Severity severity, Instant responseDueAt, String policyVersion) {
}
