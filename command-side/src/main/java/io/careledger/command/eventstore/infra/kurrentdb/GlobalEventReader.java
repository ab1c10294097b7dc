package io.careledger.command.eventstore.infra.kurrentdb;

import io.kurrent.dbclient.Position;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.SubscribeToAllOptions;
import io.kurrent.dbclient.Subscription;
import io.kurrent.dbclient.SubscriptionFilter;
import io.kurrent.dbclient.SubscriptionListener;
import java.time.Duration;
import java.time.Instant;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * Reads this application's events from {@code $all} after a position, in global order, through a catch-up
 * subscription with a server-side stream-name filter: system events ({@code $…}) and other applications'
 * streams never leave the server. (Client 1.1's plain {@code $all} read takes no filter; the subscription does,
 * and gRPC flow control pages it.)
 * <p>
 * A non-blocking read ends where the server says the subscription has caught up. A blocking read stays on the
 * live subscription and waits for the server to push the next event, so an idle processor costs no polling.
 * Closing the stream cancels the subscription and wakes a waiting reader. A lost connection ends the stream with
 * an exception; Axon then reopens it from the last token it holds.
 * <p>
 * The client reports a subscription the server cancelled as nothing at all (it drops gRPC's CANCELLED, which is
 * what a node that shuts down sends), so silence cannot be trusted: a read that hears nothing for a while ends,
 * like a long poll, and Axon opens a new one from its token. Ending early never loses an event, the token says
 * where to go on. Catching up, the wait is the operation timeout; live, {@link #LIVE_WINDOW}.
 */
final class GlobalEventReader implements Spliterator<TrackedEventData<?>> {
    private static final int BUFFER = 256;
    static final Duration LIVE_WINDOW = Duration.ofSeconds(10);
    private static final Object CAUGHT_UP = new Object();
    private static final Object CLOSED = new Object();
    /** The server scanned past events the filter left out: nothing to deliver, but the read is alive. */
    private static final Object CHECKPOINT = new Object();

    private final EventRecords records;
    private final boolean mayBlock;
    private final Duration silenceEndsCatchUp;
    private final BlockingQueue<Object> received = new ArrayBlockingQueue<>(BUFFER);
    private volatile boolean closed;
    /** Set once the read has ended: an iterator asks again after the end, and must not wait for more. */
    private boolean ended;
    private Subscription subscription;

    private GlobalEventReader(EventRecords records, boolean mayBlock, Duration silenceEndsCatchUp) {
        this.records = records;
        this.mayBlock = mayBlock;
        this.silenceEndsCatchUp = silenceEndsCatchUp;
    }

    static Stream<TrackedEventData<?>> open(KurrentConnection connection, EventRecords records, StreamNames streams,
                                           KurrentTrackingToken after, boolean mayBlock) {
        GlobalEventReader reader = new GlobalEventReader(records, mayBlock, connection.timeout());
        SubscribeToAllOptions filtered = SubscribeToAllOptions.get()
                .filter(SubscriptionFilter.newBuilder().withStreamNameRegularExpression(streams.eventStreamPattern())
                                          .withCheckpointer(reader::checkpointed).build());
        SubscribeToAllOptions subscribe = after.isBeforeFirst() ? filtered.fromStart()
                : filtered.fromPosition(after.toPosition());
        try {
            reader.subscription = connection.await("start reading $all",
                    client -> client.subscribeToAll(reader.listener(), subscribe));
        } catch (ExecutionException e) {
            throw new EventStoreException("KurrentDB refused to read $all after " + after, e.getCause());
        }
        return StreamSupport.stream(reader, false).onClose(reader::close);
    }

    private SubscriptionListener listener() {
        return new SubscriptionListener() {
            @Override
            public void onEvent(Subscription subscription, ResolvedEvent event) {
                deliver(event);
            }

            @Override
            public void onCaughtUp(Subscription subscription, Instant timestamp, Long revision, Position position) {
                deliver(CAUGHT_UP);
            }

            @Override
            public void onCancelled(Subscription subscription, Throwable failure) {
                deliver(failure == null ? CLOSED : failure);
            }
        };
    }

    private CompletableFuture<Void> checkpointed(Subscription subscription, Position position) {
        received.offer(CHECKPOINT);
        return CompletableFuture.completedFuture(null);
    }

    /** Runs on a gRPC thread; a full buffer holds the subscription back, which is the flow control. */
    private void deliver(Object item) {
        try {
            while (!closed && !received.offer(item, 100, TimeUnit.MILLISECONDS)) {
                // the reader is busy: wait for room rather than drop an event
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
        while (!closed && !ended) {
            Object next = take();
            if (next instanceof ResolvedEvent event) {
                var recorded = event.getOriginalEvent();
                action.accept(new TrackedDomainEventData<>(KurrentTrackingToken.at(recorded.getPosition()),
                        records.fromRecord(recorded, false)));
                return true;
            }
            if (next == CAUGHT_UP && !mayBlock || next == CLOSED || next == null) {
                end();
                return false;
            }
            if (next instanceof Throwable failure) {
                end();
                throw KurrentConnection.isUnreachable(failure)
                        ? new KurrentUnavailableException("Lost the connection to KurrentDB while reading $all", failure)
                        : new EventStoreException("KurrentDB ended the read of $all", failure);
            }
        }
        return false;
    }

    /** The next item, or null when the server has been silent for too long. */
    private Object take() {
        Duration silence = mayBlock ? LIVE_WINDOW : silenceEndsCatchUp;
        try {
            return received.poll(silence.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            return CLOSED;
        }
    }

    /** Axon does not always close a stream it has read to the end, so the reader lets go of the server itself. */
    private void end() {
        ended = true;
        if (subscription != null) {
            subscription.stop();
        }
    }

    void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (subscription != null) {
            subscription.stop();
        }
        received.clear();
        received.offer(CLOSED);
    }

    @Override
    public Spliterator<TrackedEventData<?>> trySplit() {
        return null;
    }

    @Override
    public long estimateSize() {
        return Long.MAX_VALUE;
    }

    @Override
    public int characteristics() {
        return Spliterator.ORDERED | Spliterator.NONNULL;
    }
}
