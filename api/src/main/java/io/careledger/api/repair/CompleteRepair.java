package io.careledger.api.repair;

import io.careledger.api.common.Money;
import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The repair is done. A paid repair records its {@code fee} and {@code invoiceReference}; a free one neither. */
public record CompleteRepair(@TargetAggregateIdentifier RepairId repairId, Money fee, String invoiceReference,
                             String note, StaffId actor) implements RepairCommand {
}
