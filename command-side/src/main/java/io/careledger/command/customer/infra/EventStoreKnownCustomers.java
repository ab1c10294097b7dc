package io.careledger.command.customer.infra;

import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerPersonalDataErased;
import io.careledger.api.customer.CustomerRegistered;
import io.careledger.command.customer.KnownCustomers;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Answers from the event store itself, not from a projection, so a complaint can be filed the moment the
 * customer's registration is stored. Aggregate streams of every type share one identifier space, hence the
 * check that the stream really starts with a registration and is not, say, a complaint with the same id.
 * Only the first event is read. The customer aggregate is not snapshotted; a snapshot would come first here.
 * Both checks look at the stored payload type, never the payload: the engines deserialize lazily, so no
 * customer's events are decrypted and parsed just to be asked what they are (filing a complaint asks both).
 */
public class EventStoreKnownCustomers implements KnownCustomers {

    private final EventStore eventStore;

    public EventStoreKnownCustomers(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean exists(CustomerId customerId) {
        DomainEventStream stream = eventStore.readEvents(customerId.value());
        return stream.hasNext() && CustomerRegistered.class.equals(stream.peek().getPayloadType());
    }

    /** Reads the customer's whole stream: asked only when a complaint is filed, and erasures are rare and final. */
    @Override
    public boolean personalDataErased(CustomerId customerId) {
        return eventStore.readEvents(customerId.value()).asStream()
                         .anyMatch(event -> CustomerPersonalDataErased.class.equals(event.getPayloadType()));
    }
}
