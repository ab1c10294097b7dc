package io.careledger.api.care;

import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Creates a care task (sent by the care process and by planning, as {@link StaffId#SYSTEM} or a
 * supervisor). The task decides, from the customer's consents and preferred channel, whether it is
 * scheduled or recorded as skipped. {@code assignee} may be null (the store's pool); {@code reason} says
 * why the task exists; {@code subjectRef} names the order, case, milestone or referral that caused it.
 * A task id already used is ALREADY_EXISTS, which is how a repeated trigger stays one task.
 */
public record ScheduleCareTask(
        @TargetAggregateIdentifier CareTaskId careTaskId,
        CustomerId customerId,
        CareTaskKind kind,
        Instant dueAt,
        StaffId assignee,
        StoreId storeId,
        String reason,
        String subjectRef,
        StaffId actor) {
}
