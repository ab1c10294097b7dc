package io.careledger.api.repair;

import io.careledger.api.common.StaffId;
import java.time.Instant;

/** One entry of the repair log. */
public record RepairStepView(String step, StaffId by, Instant at) {
}
