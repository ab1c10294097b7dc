package io.careledger.api.care;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.ContactChannel;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * {@code channel} is the preferred channel a message goes out on; null for calls and visits.
 * {@code consentPolicyVersion} names the consent policy that allowed it.
 */
@EventName("care.task-scheduled")
@Revision("1")
public record CareTaskScheduled(
        CareTaskId careTaskId,
        CustomerId customerId,
        CareTaskKind kind,
        Instant dueAt,
        StaffId assignee,
        StoreId storeId,
        ContactChannel channel,
        String reason,
        String subjectRef,
        String consentPolicyVersion,
        StaffId by,
        Instant occurredAt) implements CareTaskEvent {
}
