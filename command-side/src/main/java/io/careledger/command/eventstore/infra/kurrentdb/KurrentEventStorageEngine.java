package io.careledger.command.eventstore.infra.kurrentdb;

import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.ReadAllOptions;
import io.kurrent.dbclient.ReadResult;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamNotFoundException;
import io.kurrent.dbclient.StreamState;
import io.kurrent.dbclient.WrongExpectedVersionException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import javax.annotation.Nonnull;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/**
 * Axon's event storage on KurrentDB: one stream per aggregate instance ({@link StreamNames}), whose revision is the
 * aggregate's sequence number, and the global order of {@code $all} for tracking processors.
 * <ul>
 * <li>An append states the revision it expects ({@code noStream} for a new aggregate), so a concurrent writer
 * makes it fail as Axon's {@link ConcurrencyException} and the command is retried or rejected cleanly. Record ids
 * are the Axon message identifiers: KurrentDB accepts a repeated append of the same events at the same expected
 * revision as already done, so a retried append writes nothing twice.</li>
 * <li>The events of one aggregate in a unit of work go in one append, which KurrentDB writes entirely or not at
 * all. A unit of work that touches several aggregates writes one append per aggregate (in CareLedger a command
 * changes one aggregate).</li>
 * <li>Tracking reads {@code $all} after a {@link KurrentTrackingToken} ({@link GlobalEventReader}).</li>
 * <li>Snapshots go to a companion stream per aggregate and are read newest first, one record.</li>
 * </ul>
 * Every call waits at most the connection's timeout: while KurrentDB is away, commands fail at once with a
 * {@link KurrentUnavailableException} and processors retry from their token.
 */
public class KurrentEventStorageEngine extends AbstractEventStorageEngine {
    private static final int TIME_SEARCH_PAGE = 512;

    private final KurrentConnection connection;
    private final StreamNames streams;
    private final EventRecords records;

    private KurrentEventStorageEngine(Builder builder) {
        super(builder);
        this.connection = builder.connection;
        this.streams = builder.streams;
        this.records = new EventRecords(streams);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        int start = 0;
        while (start < events.size()) {
            String aggregate = aggregateOf(events.get(start));
            int end = start + 1;
            while (end < events.size() && aggregate.equals(aggregateOf(events.get(end)))) {
                end++;
            }
            append(aggregate, events.subList(start, end), serializer);
            start = end;
        }
    }

    private void append(String aggregate, List<? extends EventMessage<?>> batch, Serializer serializer) {
        EventMessage<?> first = batch.get(0);
        long firstSequence = first instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : 0;
        StreamState expected = firstSequence == 0 ? StreamState.noStream() : StreamState.streamRevision(firstSequence - 1);
        List<EventData> data = new ArrayList<>(batch.size());
        batch.forEach(event -> data.add(records.toRecord(event, serializer)));
        String stream = streams.eventStream(aggregate);
        try {
            connection.await("append to " + stream, client -> client.appendToStream(stream,
                    AppendToStreamOptions.get().streamState(expected).deadline(connection.timeout().toMillis()),
                    data.iterator()));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WrongExpectedVersionException conflict) {
                String message = "Stream " + stream + " is at " + conflict.getActualState() + ", not at "
                        + conflict.getExpectedState() + ": another command changed aggregate " + aggregate + " first";
                throw firstSequence == 0 ? new AggregateStreamCreationException(message) : new ConcurrencyException(message);
            }
            throw new EventStoreException("KurrentDB refused the events of " + aggregate, e.getCause());
        }
    }

    private static String aggregateOf(EventMessage<?> event) {
        // Like Axon's JDBC engine: an event of no aggregate is stored as a one-event stream of its own.
        return event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null
                ? domain.getAggregateIdentifier() : event.getIdentifier();
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        String stream = streams.snapshotStream(snapshot.getAggregateIdentifier());
        try {
            connection.await("store a snapshot in " + stream, client -> client.appendToStream(stream,
                    AppendToStreamOptions.get().streamState(StreamState.any()).deadline(connection.timeout().toMillis()),
                    records.toRecord(snapshot, serializer)));
        } catch (ExecutionException e) {
            throw new EventStoreException("KurrentDB refused a snapshot of " + snapshot.getAggregateIdentifier(),
                    e.getCause());
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        return read(streams.eventStream(identifier), ReadStreamOptions.get().forwards().fromRevision(firstSequenceNumber))
                .stream().map(event -> records.fromRecord(event.getOriginalEvent(), false));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return read(streams.snapshotStream(aggregateIdentifier), ReadStreamOptions.get().backwards().fromEnd().maxCount(1))
                .stream().map(event -> records.fromRecord(event.getOriginalEvent(), true));
    }

    private List<ResolvedEvent> read(String stream, ReadStreamOptions options) {
        try {
            ReadResult result = connection.await("read " + stream, client -> client.readStream(stream,
                    options.deadline(connection.timeout().toMillis())));
            return result.getEvents();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StreamNotFoundException) {
                return List.of();
            }
            throw new EventStoreException("KurrentDB refused to read " + stream, e.getCause());
        }
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        KurrentTrackingToken after = trackingToken == null ? KurrentTrackingToken.BEFORE_FIRST
                : requireOwn(trackingToken);
        return GlobalEventReader.open(connection, records, streams, after, mayBlock);
    }

    private static KurrentTrackingToken requireOwn(TrackingToken token) {
        if (token instanceof KurrentTrackingToken own) {
            return own;
        }
        throw new IllegalArgumentException("KurrentDB reads from a KurrentTrackingToken, not from " + token);
    }

    @Override
    public TrackingToken createTailToken() {
        return KurrentTrackingToken.BEFORE_FIRST;
    }

    /** The position of the last record in the log, whatever its stream: everything later is new. */
    @Override
    public TrackingToken createHeadToken() {
        List<ResolvedEvent> last = readAll(ReadAllOptions.get().backwards().fromEnd().maxCount(1));
        return last.isEmpty() ? KurrentTrackingToken.BEFORE_FIRST
                : KurrentTrackingToken.at(last.get(0).getOriginalEvent().getPosition());
    }

    /**
     * The position just before this application's first event stamped at or after {@code dateTime}. KurrentDB
     * keeps no index by time, so this walks {@code $all} backwards from the end: cheap for recent times, a full
     * scan for old ones.
     */
    @Override
    public TrackingToken createTokenAt(@Nonnull Instant dateTime) {
        ReadAllOptions page = ReadAllOptions.get().backwards().fromEnd().maxCount(TIME_SEARCH_PAGE);
        while (true) {
            List<ResolvedEvent> events = readAll(page);
            for (ResolvedEvent event : events) {
                RecordedEvent recorded = event.getOriginalEvent();
                if (streams.isEventStream(recorded.getStreamId()) && records.timestampOf(recorded).isBefore(dateTime)) {
                    return KurrentTrackingToken.at(recorded.getPosition());
                }
            }
            if (events.size() < TIME_SEARCH_PAGE) {
                return KurrentTrackingToken.BEFORE_FIRST;
            }
            page = ReadAllOptions.get().backwards()
                                 .fromPosition(events.get(events.size() - 1).getOriginalEvent().getPosition())
                                 .maxCount(TIME_SEARCH_PAGE);
        }
    }

    private List<ResolvedEvent> readAll(ReadAllOptions options) {
        try {
            return connection.await("read $all", client -> client.readAll(options.deadline(connection.timeout().toMillis())))
                             .getEvents();
        } catch (ExecutionException e) {
            throw new EventStoreException("KurrentDB refused to read $all", e.getCause());
        }
    }

    public static final class Builder extends AbstractEventStorageEngine.Builder {
        private KurrentConnection connection;
        private StreamNames streams = new StreamNames("careledger");

        public Builder connection(KurrentConnection connection) {
            this.connection = connection;
            return this;
        }

        public Builder streamNames(StreamNames streams) {
            this.streams = streams;
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder upcasterChain(EventUpcaster upcasterChain) {
            super.upcasterChain(upcasterChain);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        protected void validate() {
            super.validate();
            if (connection == null) {
                throw new AxonConfigurationException("A KurrentDB connection is required");
            }
        }

        public KurrentEventStorageEngine build() {
            return new KurrentEventStorageEngine(this);
        }
    }
}
