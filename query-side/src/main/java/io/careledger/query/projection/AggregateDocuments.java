package io.careledger.query.projection;

import java.io.IOException;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/**
 * An index holding one whole document per aggregate, versioned with the sequence number of the aggregate's
 * last event folded into it (convention 8). {@link #apply} is the one way the projections of such indices
 * apply an event, so they agree on duplicates, late events and gaps.
 *
 * @param <D> the stored document
 */
public interface AggregateDocuments<D> {

    /** The physical index the projection writes to now. */
    String writeIndex() throws IOException;

    /** Realtime: the latest write, even before a refresh. */
    Optional<D> get(String index, String id) throws IOException;

    /**
     * Writes the whole document with {@link #version} as its external version.
     *
     * @return false when the index already holds this version or a newer one
     */
    boolean put(String index, D document) throws IOException;

    /** The sequence number of the last event folded into the document. */
    long version(D document);

    /**
     * Applies the event with {@code sequence} to the aggregate's document. A document already at that version
     * or later stays as it is; a document exactly one event behind gets {@code fold} applied on top of it; a
     * document further behind or missing while earlier events exist (an event was lost on the way, or events
     * came out of order) is replaced by {@code refold}, the aggregate's stored events up to {@code sequence}.
     * The read and the write go to one physical index, even if the write alias moves in between.
     *
     * @param fold   the document after the event, given the document before it (null before the first event)
     * @param refold the document folded from the event store through the given sequence number
     * @return whether this call changed the index
     */
    default boolean apply(String id, long sequence, UnaryOperator<D> fold, LongFunction<D> refold) throws IOException {
        String target = writeIndex();
        Optional<D> current = get(target, id);
        long applied = current.map(this::version).orElse(-1L);
        if (applied >= sequence) {
            return false;
        }
        D next = applied == sequence - 1 ? fold.apply(current.orElse(null)) : refold.apply(sequence);
        return put(target, next);
    }
}
