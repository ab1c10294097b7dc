package io.careledger.command.care.infra;

import io.careledger.api.common.StaffId;
import io.careledger.api.complaint.ComplaintAcknowledged;
import io.careledger.api.complaint.ComplaintFiled;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.command.care.ComplaintParticipants;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Reads a complaint's own events: the filing names the customer and the store, the first acknowledgement the
 * owner (首问负责制: the first to respond owns the case for good, so later acknowledgements could not change it;
 * the complaint allows only one anyway). A stream that does not start with a filing is not a complaint.
 */
public class EventStoreComplaintParticipants implements ComplaintParticipants {

    private final EventStore eventStore;

    public EventStoreComplaintParticipants(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<Participants> of(ComplaintId complaintId) {
        DomainEventStream stream = eventStore.readEvents(complaintId.value());
        if (!stream.hasNext() || !(stream.peek().getPayload() instanceof ComplaintFiled filed)) {
            return Optional.empty();
        }
        StaffId owner = null;
        while (owner == null && stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            if (event.getPayload() instanceof ComplaintAcknowledged acknowledged) {
                owner = acknowledged.by();
            }
        }
        return Optional.of(new Participants(filed.customerId(), owner, filed.storeId()));
    }
}
