package io.careledger.api.repair;

import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The item cannot be repaired, or repair cannot restore it: a paid exchange is offered with a depreciation fee. */
public record DeclareUnrepairable(@TargetAggregateIdentifier RepairId repairId, String reason, StaffId actor)
        implements RepairCommand {
}
