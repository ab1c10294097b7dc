package io.careledger.api.complaint;

import io.careledger.api.common.PersonalData;
import io.careledger.api.common.Channel;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.CustomerId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Files a complaint. {@code orderId} and {@code transcript} are optional; a hand-off from the AI assistant
 * carries its transcript so the customer never repeats the story.
 */
public record FileComplaint(
        @TargetAggregateIdentifier ComplaintId complaintId,
        CustomerId customerId,
        Channel channel,
        ComplaintCategory category,
        @PersonalData String description,
        StoreId storeId,
        OrderId orderId,
        @PersonalData String transcript,
        StaffId actor) implements ComplaintCommand {
}
