package io.careledger.query.customer;

import java.io.IOException;

import io.careledger.api.customer.CustomerEvent;
import io.careledger.query.projection.StoredEvents;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Projects customer events into the customer index, one document per customer made from that customer's
 * own events only (open cases and last contact are read from the case and care-task indices when asked for,
 * so no other aggregate's event ever writes here). Idempotent like the case projection: an event is applied
 * on top of its predecessor's document, whole documents are written with the event's sequence number as the
 * external version, and a document behind by more than one event is refolded from the event store.
 */
@Component
@ProcessingGroup(CustomerProjection.PROCESSING_GROUP)
public class CustomerProjection {
    public static final String PROCESSING_GROUP = "customer-projection";
    private static final Logger log = LoggerFactory.getLogger(CustomerProjection.class);

    private final CustomerIndex index;
    private final EventStore eventStore;

    public CustomerProjection(CustomerIndex index, EventStore eventStore) {
        this.index = index;
        this.eventStore = eventStore;
    }

    @EventHandler
    public void on(CustomerEvent event, @SequenceNumber long sequence) throws IOException {
        String id = event.customerId().value();
        if (!index.apply(id, sequence, current -> CustomerDocument.apply(current, event, sequence),
                through -> StoredEvents.fold(eventStore, id, CustomerEvent.class, through, CustomerDocument::apply)
                        .orElseThrow(() -> new IllegalStateException("No stored registration of customer " + id)))) {
            log.debug("Customer {} already at version {} or later", id, sequence);
        }
    }
}
