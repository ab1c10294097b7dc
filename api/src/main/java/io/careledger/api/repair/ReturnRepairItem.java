package io.careledger.api.repair;

import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The item (repaired, or its replacement after a paid exchange) goes back to the customer. {@code invoiceReference}
 * is required when a fee is due and not yet invoiced (the depreciation fee of an exchange).
 */
public record ReturnRepairItem(@TargetAggregateIdentifier RepairId repairId, String invoiceReference, StaffId actor)
        implements RepairCommand {
}
