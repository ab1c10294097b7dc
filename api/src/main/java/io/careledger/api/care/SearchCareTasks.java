package io.careledger.api.care;

import io.careledger.api.common.StoreId;
import java.util.Set;
import io.careledger.api.common.StaffId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;

/**
 * Care tasks from the read model, every criterion optional: assigned to {@code assignee}, in
 * {@code status}, due before {@code dueBefore} (exclusive), of {@code customerId}. Earliest due first.
 * {@code withinStores} (null: every store) keeps the answer to tasks recorded for one of them. Answers
 * {@link CareTaskPage}.
 */
public record SearchCareTasks(StaffId assignee, CareTaskStatus status, Instant dueBefore, CustomerId customerId, int first,
                              String after, Set<StoreId> withinStores) {

    public static final int MAX_PAGE_SIZE = 100;

    public SearchCareTasks {
        withinStores = withinStores == null ? null : Set.copyOf(withinStores);
    }

    /** Tasks of every store. */
    public SearchCareTasks(StaffId assignee, CareTaskStatus status, Instant dueBefore, CustomerId customerId, int first,
                           String after) {
        this(assignee, status, dueBefore, customerId, first, after, null);
    }
}
