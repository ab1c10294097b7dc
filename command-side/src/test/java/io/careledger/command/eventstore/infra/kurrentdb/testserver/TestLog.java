package io.careledger.command.eventstore.infra.kurrentdb.testserver;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The test server's storage: one global log in write order ({@code $all}) and each stream's records by revision.
 * Kept outside the gRPC server, so stopping and restarting the server keeps the data, like a KurrentDB node on a
 * volume. Positions are offsets that grow by each record's size, so they have gaps as KurrentDB's do.
 */
final class TestLog {
    private static final long RECORD_OVERHEAD = 96;

    record Proposed(UUID id, String type, String contentType, byte[] data, byte[] metadata) {
    }

    record Stored(String stream, long revision, UUID id, String type, String contentType, byte[] data, byte[] metadata,
                  long position, long createdTicks) {
    }

    /** The outcome of an append: either written (or already there) up to {@code revision}, or a conflict. */
    record AppendOutcome(boolean success, long currentRevision, long position) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final List<Stored> all = new ArrayList<>();
    private final Map<String, List<Stored>> streams = new HashMap<>();
    private long nextPosition;

    /**
     * Appends with KurrentDB's expected-revision rules. {@code expected} is a revision (0 or more) or one of
     * {@link Expected}'s markers. A repeat of events already written right after the expected revision, with the
     * same ids, succeeds without writing them again (idempotent append).
     */
    AppendOutcome append(String stream, long expected, List<Proposed> events) {
        lock.lock();
        try {
            List<Stored> existing = streams.getOrDefault(stream, List.of());
            long current = existing.size() - 1L;
            if (expected == Expected.STREAM_EXISTS && existing.isEmpty()) {
                return new AppendOutcome(false, current, -1);
            }
            if (expected >= Expected.NO_STREAM && expected != current) {
                return alreadyWritten(existing, expected, events)
                        .orElseGet(() -> new AppendOutcome(false, current, -1));
            }
            long position = -1;
            for (Proposed event : events) {
                position = nextPosition;
                Stored stored = new Stored(stream, existing.size() + 0L, event.id(), event.type(), event.contentType(),
                        event.data(), event.metadata(), position, System.currentTimeMillis() * 10_000);
                nextPosition += RECORD_OVERHEAD + stream.length() + event.data().length + event.metadata().length;
                all.add(stored);
                existing = streams.computeIfAbsent(stream, name -> new ArrayList<>());
                existing.add(stored);
            }
            appended.signalAll();
            long revision = streams.getOrDefault(stream, List.of()).size() - 1L;
            return new AppendOutcome(true, revision, position);
        } finally {
            lock.unlock();
        }
    }

    private static Optional<AppendOutcome> alreadyWritten(List<Stored> existing, long expected, List<Proposed> events) {
        int from = (int) (expected + 1);
        if (events.isEmpty() || from + events.size() > existing.size()) {
            return Optional.empty();
        }
        for (int i = 0; i < events.size(); i++) {
            if (!existing.get(from + i).id().equals(events.get(i).id())) {
                return Optional.empty();
            }
        }
        Stored last = existing.get(from + events.size() - 1);
        return Optional.of(new AppendOutcome(true, last.revision(), last.position()));
    }

    List<Stored> stream(String stream) {
        lock.lock();
        try {
            List<Stored> records = streams.get(stream);
            return records == null ? null : List.copyOf(records);
        } finally {
            lock.unlock();
        }
    }

    /** The global log from index {@code from} on, as it is now. */
    List<Stored> allFrom(int from) {
        lock.lock();
        try {
            return from >= all.size() ? List.of() : List.copyOf(all.subList(from, all.size()));
        } finally {
            lock.unlock();
        }
    }

    /** The index in the global log of the first record after {@code position}. */
    int indexAfter(long position) {
        lock.lock();
        try {
            int index = 0;
            while (index < all.size() && all.get(index).position() <= position) {
                index++;
            }
            return index;
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return all.size();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the log holds more than {@code known} records, or the time is up. */
    void awaitMoreThan(int known, long millis) throws InterruptedException {
        lock.lock();
        try {
            if (all.size() <= known) {
                appended.await(millis, TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Markers for the expected revision of an append. */
    static final class Expected {
        static final long NO_STREAM = -1;
        static final long ANY = -2;
        static final long STREAM_EXISTS = -4;

        private Expected() {
        }
    }
}
