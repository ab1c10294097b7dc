package io.careledger.command.care;

import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.customer.CustomerId;
import java.util.Optional;

/**
 * Who a complaint concerns, for the satisfaction follow-up after it is resolved: {@code ComplaintResolved} names
 * only the complaint, and the care process must not depend on a projection having caught up to learn the rest.
 */
@FunctionalInterface
public interface ComplaintParticipants {

    /** Empty when no complaint with that id was filed. */
    Optional<Participants> of(ComplaintId complaintId);

    /**
     * @param owner the first responder (首问负责制), who does the follow-up; null if nobody acknowledged
     * @param storeId the store the complaint was filed for
     */
    record Participants(CustomerId customerId, StaffId owner, StoreId storeId) {
    }
}
