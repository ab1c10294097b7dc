package io.careledger.service.config;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event store as the pooled event processors read it, plus what Axon's embedded event store does not offer
 * them: a signal that new events have arrived. Without it ({@link BlockingStream#setOnAvailableCallback} answers
 * {@code false}) a pooled processor with nothing to do looks at its stream again only every 500 ms, so each new
 * event waited 0–500 ms before a projection saw it, on top of Elasticsearch's refresh interval; the benchmark's
 * projection lag (a complaint filed → findable) could not get under 1.5 × the refresh interval that way.
 *
 * <p>One watcher thread follows the head of the store through the event store's own shared stream (the cache the
 * store fills right after each commit, so it costs no extra query while it keeps up) and calls every registered
 * callback when events arrive. A processor's callback only schedules its coordinator to look at its own stream
 * again, so a spurious or repeated call is harmless, and a missed one costs no more than Axon's own fallback (the
 * coordinator looks again when it renews its claims).
 */
public final class SignallingEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SignallingEventSource.class);
    /** Pause after the watcher's stream failed (the database is away, say) before it opens a new one. */
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final EventStore store;
    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final Thread watcher;
    private volatile boolean closed;

    public SignallingEventSource(EventStore store) {
        this.store = store;
        this.watcher = new Thread(this::watch, "new-event-signal");
        this.watcher.setDaemon(true);
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        startWatching();
        return new SignallingStream(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }

    /** How many streams currently want the signal. */
    int listeners() {
        return callbacks.size();
    }

    @Override
    public void close() {
        closed = true;
        watcher.interrupt();
    }

    private synchronized void startWatching() {
        if (!closed && watcher.getState() == Thread.State.NEW) {
            watcher.start();
        }
    }

    private void watch() {
        while (!closed) {
            try (BlockingStream<TrackedEventMessage<?>> head = store.openStream(store.createHeadToken())) {
                while (!closed) {
                    head.nextAvailable();
                    while (head.hasNextAvailable()) {
                        head.nextAvailable();
                    }
                    signal();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                log.warn("Following new events failed; the event processors fall back to polling until it resumes", e);
                signal();
                try {
                    Thread.sleep(RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void signal() {
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                log.warn("An event processor's wake-up failed", e);
            }
        }
    }

    /** The event store's stream for one processor, with the signal attached while it is open. */
    private final class SignallingStream implements BlockingStream<TrackedEventMessage<?>> {
        private final BlockingStream<TrackedEventMessage<?>> delegate;
        private volatile Runnable callback;

        private SignallingStream(BlockingStream<TrackedEventMessage<?>> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            this.callback = callback;
            callbacks.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable current = callback;
            if (current != null) {
                callbacks.remove(current);
            }
            delegate.close();
        }
    }
}
