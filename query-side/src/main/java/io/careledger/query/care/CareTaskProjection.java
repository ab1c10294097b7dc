package io.careledger.query.care;

import java.io.IOException;

import io.careledger.api.care.CareTaskEvent;
import io.careledger.query.projection.StoredEvents;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Projects care-task events into the care-task index, one document per task, idempotent like the case
 * projection (applied on top of the predecessor's document, written whole at the event's sequence number as
 * the external version, refolded from the event store when behind by more than one event).
 */
@Component
@ProcessingGroup(CareTaskProjection.PROCESSING_GROUP)
public class CareTaskProjection {
    public static final String PROCESSING_GROUP = "care-task-projection";
    private static final Logger log = LoggerFactory.getLogger(CareTaskProjection.class);

    private final CareTaskIndex index;
    private final EventStore eventStore;

    public CareTaskProjection(CareTaskIndex index, EventStore eventStore) {
        this.index = index;
        this.eventStore = eventStore;
    }

    @EventHandler
    public void on(CareTaskEvent event, @SequenceNumber long sequence) throws IOException {
        String id = event.careTaskId().value();
        if (!index.apply(id, sequence, current -> CareTaskFold.apply(current, event, sequence),
                through -> StoredEvents.fold(eventStore, id, CareTaskEvent.class, through, CareTaskFold::apply)
                        .orElseThrow(() -> new IllegalStateException("No stored scheduling of care task " + id)))) {
            log.debug("Care task {} already at version {} or later", id, sequence);
        }
    }
}
