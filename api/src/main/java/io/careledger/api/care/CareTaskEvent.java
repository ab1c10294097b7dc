package io.careledger.api.care;

import io.careledger.api.common.StaffId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;

/** Every fact of a care task. Each names the customer, so readers never need to look it up. */
public sealed interface CareTaskEvent permits CareTaskScheduled, CareTaskSkipped, CareTaskOverdue, CareTaskCompleted {
    CareTaskId careTaskId();

    CustomerId customerId();

    CareTaskKind kind();

    Instant occurredAt();

    StaffId by();
}
