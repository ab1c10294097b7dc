package io.careledger.service.health;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Up when the event store answers for its head position (-1 while it is empty). */
@Component("eventStoreHealthIndicator")
class EventStoreHealthIndicator extends AbstractHealthIndicator {
    private final EventStore eventStore;

    EventStoreHealthIndicator(EventStore eventStore) {
        super("Event store is unreachable");
        this.eventStore = eventStore;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        TrackingToken head = eventStore.createHeadToken();
        builder.up().withDetail("headPosition", head == null ? -1 : head.position().orElse(-1));
    }
}
