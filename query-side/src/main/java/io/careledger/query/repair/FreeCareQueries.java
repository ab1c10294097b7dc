package io.careledger.query.repair;

import java.util.List;

import io.careledger.api.repair.FindFreeCareRedemptions;
import io.careledger.api.repair.FreeCareRedeemed;
import io.careledger.query.projection.StoredEvents;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** A garment's free care redemptions, read from its own stream: exact, and visible the moment they are stored. */
@Component
public class FreeCareQueries {
    private final EventStore eventStore;

    public FreeCareQueries(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    public List<FreeCareRedeemed> handle(FindFreeCareRedemptions query) {
        return StoredEvents.read(eventStore, query.garmentId().value()).stream()
                .map(message -> message.getPayload())
                .filter(FreeCareRedeemed.class::isInstance)
                .map(FreeCareRedeemed.class::cast)
                .toList();
    }
}
