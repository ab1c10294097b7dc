package io.careledger.query.timeline;

import java.util.LinkedHashMap;
import java.util.Map;

import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.complaint.ComplaintFiled;
import io.careledger.api.customer.CustomerId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whose complaint it is. Only {@link ComplaintFiled} names the customer; every later complaint event is
 * resolved through the complaint's first stored event. The answer never changes, so it is cached, in a
 * bounded least-recently-used map: complaints are read about while they are worked on, rarely after.
 */
@Component
public class ComplaintCustomers {
    public static final int DEFAULT_CAPACITY = 10_000;

    private final EventStore eventStore;
    private final Map<String, CustomerId> cache;

    @Autowired
    public ComplaintCustomers(EventStore eventStore) {
        this(eventStore, DEFAULT_CAPACITY);
    }

    public ComplaintCustomers(EventStore eventStore, int capacity) {
        this.eventStore = eventStore;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CustomerId> eldest) {
                return size() > capacity;
            }
        };
    }

    /** @throws IllegalStateException when the store holds no filing of the complaint */
    public CustomerId customerOf(ComplaintEvent event) {
        if (event instanceof ComplaintFiled filed) {
            remember(filed.caseId(), filed.customerId());
            return filed.customerId();
        }
        CustomerId known;
        synchronized (cache) {
            known = cache.get(event.caseId());
        }
        if (known != null) {
            return known;
        }
        CustomerId stored = filing(event.caseId()).customerId();
        remember(event.caseId(), stored);
        return stored;
    }

    /** How many complaints are cached now. */
    int cached() {
        synchronized (cache) {
            return cache.size();
        }
    }

    private void remember(String caseId, CustomerId customerId) {
        synchronized (cache) {
            cache.put(caseId, customerId);
        }
    }

    /** The first stored event only: the stream is read lazily, so the rest of a long case is never fetched. */
    private ComplaintFiled filing(String caseId) {
        DomainEventStream events = eventStore.readEvents(caseId, 0L);
        if (events.hasNext()) {
            DomainEventMessage<?> first = events.next();
            if (first.getPayload() instanceof ComplaintFiled filed) {
                return filed;
            }
        }
        throw new IllegalStateException("No stored filing of complaint " + caseId);
    }
}
