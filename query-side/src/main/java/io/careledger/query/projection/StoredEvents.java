package io.careledger.query.projection;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * An aggregate's stored events, oldest first, read from the first event on and never from a snapshot: the
 * read models fold the events themselves, and a snapshot holds the write model's state, not an event.
 */
public final class StoredEvents {

    private StoredEvents() {
    }

    /** How one event changes a read model's state; the state is null before the first event. */
    @FunctionalInterface
    public interface Fold<S, E> {
        S apply(S state, E event, long sequence);
    }

    /** Every stored event of the aggregate, oldest first. */
    public static List<? extends DomainEventMessage<?>> read(EventStore store, String aggregateId) {
        return store.readEvents(aggregateId, 0L).asStream().collect(Collectors.toList());
    }

    /**
     * Folds the aggregate's events of {@code type} with sequence numbers up to {@code throughSequence}.
     *
     * @return empty when the store holds no such event
     */
    public static <S, E> Optional<S> fold(EventStore store, String aggregateId, Class<E> type, long throughSequence,
                                          Fold<S, E> fold) {
        S state = null;
        for (DomainEventMessage<?> message : read(store, aggregateId)) {
            if (message.getSequenceNumber() > throughSequence) {
                break;
            }
            if (type.isInstance(message.getPayload())) {
                state = fold.apply(state, type.cast(message.getPayload()), message.getSequenceNumber());
            }
        }
        return Optional.ofNullable(state);
    }

    /** Folds every stored event of {@code type}. */
    public static <S, E> Optional<S> fold(EventStore store, String aggregateId, Class<E> type, Fold<S, E> fold) {
        return fold(store, aggregateId, type, Long.MAX_VALUE, fold);
    }
}
