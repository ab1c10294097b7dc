package io.careledger.api.care;

import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The consent policy ({@code consentPolicyVersion}) did not allow the task, for {@code skipReason}. */
@EventName("care.task-skipped")
@Revision("1")
public record CareTaskSkipped(
        CareTaskId careTaskId,
        CustomerId customerId,
        CareTaskKind kind,
        CareSkipReason skipReason,
        StaffId assignee,
        StoreId storeId,
        String reason,
        String subjectRef,
        String consentPolicyVersion,
        StaffId by,
        Instant occurredAt) implements CareTaskEvent {
}
