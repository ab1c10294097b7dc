package io.careledger.api.repair;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@EventName("repair.step-logged")
@Revision("1")
public record RepairStepLogged(RepairId repairId, CustomerId customerId, String step, StaffId by, Instant occurredAt)
        implements RepairEvent {
}
