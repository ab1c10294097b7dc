package io.careledger.api.care;

import io.careledger.api.common.StaffId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;

/**
 * Care tasks from the read model, every criterion optional: assigned to {@code assignee}, in
 * {@code status}, due before {@code dueBefore} (exclusive), of {@code customerId}. Earliest due first.
 * Answers {@link CareTaskPage}.
 */
public record SearchCareTasks(StaffId assignee, CareTaskStatus status, Instant dueBefore, CustomerId customerId, int first, String after) {

    public static final int MAX_PAGE_SIZE = 100;
}
