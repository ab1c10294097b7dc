package io.careledger.api.refund;

import io.careledger.api.common.StaffId;
import java.time.Instant;

/** How a refund was decided, as readers see it; absent while it awaits review. */
public record RefundDecision(boolean approved, boolean automatic, RefundRule rule, String policyVersion,
                             RefundDecisionInputs inputs, String note, StaffId by, Instant at) {
}
