package io.careledger.api.care;

import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.ContactChannel;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;

public record CareTaskView(
        CareTaskId id,
        CustomerId customerId,
        CareTaskKind kind,
        CareTaskStatus status,
        Instant dueAt,
        StaffId assignee,
        StoreId storeId,
        ContactChannel channel,
        String reason,
        String subjectRef,
        CareSkipReason skipReason,
        CareOutcome outcome,
        String notes,
        Instant callbackAt,
        StaffId completedBy,
        Instant completedAt,
        Instant createdAt,
        long version) {
}
