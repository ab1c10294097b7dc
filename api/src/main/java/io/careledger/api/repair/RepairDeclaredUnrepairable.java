package io.careledger.api.repair;

import io.careledger.api.common.EventName;
import io.careledger.api.common.Money;
import io.careledger.api.common.StaffId;
import io.careledger.api.customer.CustomerId;
import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The item cannot be repaired: a paid exchange is offered for {@code depreciationFee}, {@code depreciationRate}
 * of the sale price for {@code daysSinceSale} days, by the warranty policy of {@code policyVersion}.
 */
@EventName("repair.declared-unrepairable")
@Revision("1")
public record RepairDeclaredUnrepairable(RepairId repairId, CustomerId customerId, String reason,
                                         long daysSinceSale, BigDecimal depreciationRate, Money depreciationFee,
                                         String policyVersion, StaffId by, Instant occurredAt) implements RepairEvent {
}
