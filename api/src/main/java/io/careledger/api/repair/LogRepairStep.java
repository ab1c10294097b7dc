package io.careledger.api.repair;

import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** One step of the repair log. */
public record LogRepairStep(@TargetAggregateIdentifier RepairId repairId, String step, StaffId actor)
        implements RepairCommand {
}
