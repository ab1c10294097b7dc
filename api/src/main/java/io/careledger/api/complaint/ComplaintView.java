package io.careledger.api.complaint;

import io.careledger.api.cases.CaseKind;
import io.careledger.api.cases.CaseView;
import io.careledger.api.common.Channel;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;
import java.util.List;

/**
 * A complaint as readers see it: from the search projection, or replayed from its events up to a moment.
 * {@code version} is the sequence number of the last event folded in.
 */
public record ComplaintView(
        ComplaintId id,
        CustomerId customerId,
        Channel channel,
        ComplaintCategory category,
        String description,
        String transcript,
        StoreId storeId,
        OrderId orderId,
        Severity severity,
        Department department,
        ComplaintStatus status,
        StaffId filedBy,
        StaffId owner,
        Instant filedAt,
        Instant responseDueAt,
        Instant firstRespondedAt,
        Instant resolvedAt,
        Instant closedAt,
        boolean slaBreached,
        List<DeadlineKind> breachedDeadlines,
        int escalationCount,
        List<ContactView> contacts,
        String resolution,
        List<Compensation> compensation,
        int rejectedResolutions,
        Integer satisfaction,
        Boolean firstContactResolution,
        int reopenCount,
        long version,
        Instant updatedAt) implements CaseView {

    @Override
    public String caseId() {
        return id.value();
    }

    @Override
    public CaseKind kind() {
        return CaseKind.COMPLAINT;
    }

    @Override
    public Instant openedAt() {
        return filedAt;
    }
}
