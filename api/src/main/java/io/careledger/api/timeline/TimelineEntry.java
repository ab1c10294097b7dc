package io.careledger.api.timeline;

import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;

/**
 * One event about a customer, as the timeline shows it. {@code entryId} is the event's identifier;
 * {@code eventType} its stable stored name (e.g. {@code complaint.resolved}); {@code summary} a readable line
 * that includes the customer's and staff's own words (searchable in Chinese and English); {@code amount} and
 * {@code points} where the event has them; {@code caseId}/{@code orderId} link to the case or order;
 * {@code staffId} is who acted ({@code system} for deadlines and policies); {@code position} is the event's
 * place in the global stream, which orders entries with the same time.
 */
public record TimelineEntry(
        String entryId,
        CustomerId customerId,
        TimelineEntryType type,
        String eventType,
        Instant occurredAt,
        String summary,
        Money amount,
        Long points,
        String caseId,
        OrderId orderId,
        StaffId staffId,
        long position) {
}
