package io.careledger.api.repair;

import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The item is taken in against a numbered goods receipt. */
public record TakeInRepairItem(@TargetAggregateIdentifier RepairId repairId, String goodsReceiptNumber, StaffId actor)
        implements RepairCommand {
}
