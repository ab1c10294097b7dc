package io.careledger.api.complaint;

import io.careledger.api.common.PersonalData;
import io.careledger.api.common.Channel;
import io.careledger.api.common.EventName;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.CustomerId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A complaint was filed. Records what the severity and routing policies decided, their versions and the
 * first-response deadline, so a reader never needs the policies to understand the case.
 */
@EventName("complaint.filed")
@Revision("1")
public record ComplaintFiled(
        ComplaintId complaintId,
        CustomerId customerId,
        Channel channel,
        ComplaintCategory category,
        @PersonalData String description,
        StoreId storeId,
        OrderId orderId,
        @PersonalData String transcript,
        Severity severity,
        Department department,
        Instant responseDueAt,
        String severityPolicyVersion,
        String routingPolicyVersion,
        StaffId by,
        Instant occurredAt) implements ComplaintEvent {
}
