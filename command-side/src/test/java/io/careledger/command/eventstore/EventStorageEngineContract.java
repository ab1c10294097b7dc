package io.careledger.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the service relies on from an event storage engine, run against each engine by a subclass. Every test
 * works on aggregates of its own; the global reads start from the head token taken before the test wrote.
 */
public abstract class EventStorageEngineContract {
    protected static final String TYPE = "ComplaintAggregate";
    protected static final Serializer SERIALIZER = Jackson3Serializer.builder().build();

    /** A stored payload; Jackson writes records as plain JSON. */
    public record Noted(String aggregateId, String text) {
    }

    /** An event type the reading side no longer knows. */
    public record Retired(String reason) {
    }

    protected EventStorageEngine engine;
    private TrackingToken start;

    /** An engine writing with {@code serializer}, over the same storage as every other engine of the subclass. */
    protected abstract EventStorageEngine engine(Serializer serializer);

    /** Whether a repeated append of the same events succeeds (KurrentDB) or is refused (JDBC: unique keys). */
    protected abstract boolean repeatedAppendSucceeds();

    @BeforeEach
    void openEngine() {
        engine = engine(SERIALIZER);
        start = engine.createHeadToken();
    }

    protected static DomainEventMessage<Noted> noted(String aggregate, long sequence, String text) {
        return new GenericDomainEventMessage<>(TYPE, aggregate, sequence, new Noted(aggregate, text),
                MetaData.from(Map.of("actor", "agent", "channel", "HOTLINE", "correlationId", "c-" + text,
                        "causationId", "k-" + text)));
    }

    protected static String newAggregate() {
        return UUID.randomUUID().toString();
    }

    protected List<TrackedEventMessage<?>> readAfter(TrackingToken token) {
        try (Stream<? extends TrackedEventMessage<?>> events = engine.readEvents(token, false)) {
            return List.copyOf(events.toList());
        }
    }

    protected List<TrackedEventMessage<?>> readNew() {
        return readAfter(start);
    }

    private List<DomainEventMessage<?>> aggregateEvents(String aggregate, long from) {
        return List.copyOf(engine.readEvents(aggregate, from).asStream().toList());
    }

    @Test
    void appendsAndReadsBackAnAggregateStreamWithItsMetadata() {
        String aggregate = newAggregate();
        List<DomainEventMessage<Noted>> written = List.of(noted(aggregate, 0, "filed"), noted(aggregate, 1, "acked"),
                noted(aggregate, 2, "resolved"));
        engine.appendEvents(written.get(0));
        engine.appendEvents(written.subList(1, 3));

        List<DomainEventMessage<?>> read = aggregateEvents(aggregate, 0);

        assertThat(read).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
        assertThat(read).<Object>extracting(DomainEventMessage::getPayload)
                        .containsExactly(new Noted(aggregate, "filed"), new Noted(aggregate, "acked"),
                                new Noted(aggregate, "resolved"));
        for (int i = 0; i < 3; i++) {
            DomainEventMessage<?> event = read.get(i);
            assertThat(event.getIdentifier()).isEqualTo(written.get(i).getIdentifier());
            assertThat(event.getType()).isEqualTo(TYPE);
            assertThat(event.getAggregateIdentifier()).isEqualTo(aggregate);
            // Both engines store Axon's ISO-8601 timestamp text, to the millisecond.
            assertThat(event.getTimestamp()).isEqualTo(written.get(i).getTimestamp().truncatedTo(ChronoUnit.MILLIS));
            assertThat(event.getMetaData()).isEqualTo(written.get(i).getMetaData());
        }
        assertThat(aggregateEvents(aggregate, 2)).extracting(DomainEventMessage::getSequenceNumber).containsExactly(2L);
        assertThat(aggregateEvents(newAggregate(), 0)).isEmpty();
    }

    @Test
    void aConcurrentWriterLosesWithAConcurrencyExceptionAndWritesNothing() {
        String aggregate = newAggregate();
        engine.appendEvents(noted(aggregate, 0, "filed"), noted(aggregate, 1, "acked"));

        assertThatThrownBy(() -> engine.appendEvents(noted(aggregate, 1, "late"), noted(aggregate, 2, "later")))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(noted(aggregate, 0, "again")))
                .isInstanceOf(AggregateStreamCreationException.class);

        assertThat(aggregateEvents(aggregate, 0)).extracting(e -> ((Noted) e.getPayload()).text())
                                                 .containsExactly("filed", "acked");
        assertThat(readNew()).extracting(e -> ((Noted) e.getPayload()).text()).containsExactly("filed", "acked");
    }

    @Test
    void aRepeatedAppendOfTheSameEventsNeverStoresThemTwice() {
        String aggregate = newAggregate();
        DomainEventMessage<Noted> first = noted(aggregate, 0, "filed");
        DomainEventMessage<Noted> second = noted(aggregate, 1, "acked");
        engine.appendEvents(first, second);

        if (repeatedAppendSucceeds()) {
            engine.appendEvents(first, second);
        } else {
            assertThatThrownBy(() -> engine.appendEvents(first, second)).isInstanceOf(AggregateStreamCreationException.class);
        }

        assertThat(aggregateEvents(aggregate, 0)).extracting(DomainEventMessage::getIdentifier)
                                                 .containsExactly(first.getIdentifier(), second.getIdentifier());
        assertThat(readNew()).extracting(TrackedEventMessage::getIdentifier)
                             .containsExactly(first.getIdentifier(), second.getIdentifier());
    }

    @Test
    void theLatestSnapshotIsReadAndSnapshotsStayOutOfTheGlobalStream() {
        String aggregate = newAggregate();
        engine.appendEvents(noted(aggregate, 0, "filed"), noted(aggregate, 1, "acked"), noted(aggregate, 2, "closed"));
        assertThat(engine.readSnapshot(aggregate)).isEmpty();

        engine.storeSnapshot(new GenericDomainEventMessage<>(TYPE, aggregate, 1, new Noted(aggregate, "state@1")));
        engine.storeSnapshot(new GenericDomainEventMessage<>(TYPE, aggregate, 2, new Noted(aggregate, "state@2")));

        DomainEventMessage<?> snapshot = engine.readSnapshot(aggregate).orElseThrow();
        assertThat(snapshot.getSequenceNumber()).isEqualTo(2);
        assertThat(snapshot.getAggregateIdentifier()).isEqualTo(aggregate);
        assertThat(snapshot.getPayload()).isEqualTo(new Noted(aggregate, "state@2"));
        assertThat(readNew()).hasSize(3);
        assertThat(aggregateEvents(aggregate, 0)).hasSize(3);
    }

    @Test
    void theGlobalStreamKeepsTheOrderOfAppendsAcrossAggregatesWithGrowingTokens() {
        String a = newAggregate();
        String b = newAggregate();
        engine.appendEvents(noted(a, 0, "a0"));
        engine.appendEvents(noted(b, 0, "b0"), noted(b, 1, "b1"));
        engine.appendEvents(noted(a, 1, "a1"));

        List<TrackedEventMessage<?>> events = readNew();

        assertThat(events).extracting(e -> ((Noted) e.getPayload()).text()).containsExactly("a0", "b0", "b1", "a1");
        assertThat(events).extracting(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier())
                          .containsExactly(a, b, b, a);
        for (int i = 1; i < events.size(); i++) {
            TrackingToken earlier = events.get(i - 1).trackingToken();
            TrackingToken later = events.get(i).trackingToken();
            assertThat(later.covers(earlier)).isTrue();
            assertThat(earlier.covers(later)).isFalse();
            assertThat(later.position().getAsLong()).isGreaterThan(earlier.position().getAsLong());
        }
    }

    @Test
    void aReadResumesRightAfterTheGivenToken() {
        String aggregate = newAggregate();
        engine.appendEvents(noted(aggregate, 0, "one"), noted(aggregate, 1, "two"), noted(aggregate, 2, "three"));
        List<TrackedEventMessage<?>> all = readNew();

        List<TrackedEventMessage<?>> rest = readAfter(all.get(0).trackingToken());

        assertThat(rest).extracting(e -> ((Noted) e.getPayload()).text()).containsExactly("two", "three");
        assertThat(rest.get(0).trackingToken()).isEqualTo(all.get(1).trackingToken());
        assertThat(readAfter(all.get(2).trackingToken())).isEmpty();
    }

    @Test
    void theTailTokenReadsEverythingAndTheHeadTokenOnlyWhatComesLater() {
        String aggregate = newAggregate();
        engine.appendEvents(noted(aggregate, 0, "before"));
        TrackingToken head = engine.createHeadToken();
        engine.appendEvents(noted(aggregate, 1, "after"));

        assertThat(readAfter(head)).extracting(e -> ((Noted) e.getPayload()).text()).containsExactly("after");
        assertThat(readAfter(engine.createTailToken())).<Object>extracting(TrackedEventMessage::getPayload)
                                                       .contains(new Noted(aggregate, "before"), new Noted(aggregate, "after"));
    }

    @Test
    void aTokenAtATimeReadsTheEventsStampedFromThatTimeOn() {
        String aggregate = newAggregate();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        engine.appendEvents(stamped(aggregate, 0, "old", now.minusSeconds(60)), stamped(aggregate, 1, "new", now));

        List<TrackedEventMessage<?>> fromNow = readAfter(engine.createTokenAt(now.minusSeconds(1)));

        assertThat(fromNow).<Object>extracting(TrackedEventMessage::getPayload).contains(new Noted(aggregate, "new"))
                           .doesNotContain(new Noted(aggregate, "old"));
    }

    private static DomainEventMessage<Noted> stamped(String aggregate, long sequence, String text, Instant at) {
        DomainEventMessage<Noted> event = noted(aggregate, sequence, text);
        return new GenericDomainEventMessage<>(TYPE, aggregate, sequence, event.getPayload(), event.getMetaData(),
                event.getIdentifier(), at);
    }

    @Test
    void largePayloadsSurviveBothReads() {
        String aggregate = newAggregate();
        String large = "投诉记录 complaint transcript ".repeat(20_000);
        engine.appendEvents(noted(aggregate, 0, large));

        assertThat(((Noted) aggregateEvents(aggregate, 0).get(0).getPayload()).text()).isEqualTo(large);
        assertThat(((Noted) readNew().get(0).getPayload()).text()).isEqualTo(large);
    }

    @Test
    void anEventOfAnUnknownTypeIsDeliveredAsUnknownAndDoesNotStopTheStream() {
        String aggregate = newAggregate();
        EventStorageEngine oldWriter = engine(new RenamingSerializer(SERIALIZER, Retired.class, "careledger.retired"));
        oldWriter.appendEvents(new GenericDomainEventMessage<>(TYPE, aggregate, 0, new Retired("gone")));
        engine.appendEvents(noted(aggregate, 1, "after"));

        List<TrackedEventMessage<?>> events = readNew();

        assertThat(events).hasSize(2);
        assertThat(events.get(0).getPayloadType()).isEqualTo(UnknownSerializedType.class);
        assertThat(((UnknownSerializedType) events.get(0).getPayload()).serializedType().getName())
                .isEqualTo("careledger.retired");
        assertThat(events.get(1).getPayload()).isEqualTo(new Noted(aggregate, "after"));
    }

    /** Writes one class under a name no reader can resolve, as an event type retired since it was stored. */
    private record RenamingSerializer(Serializer delegate, Class<?> renamed, String name)
            implements ForwardingSerializer {
        @Override
        public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
            SerializedObject<T> serialized = delegate.serialize(object, expectedRepresentation);
            return object != null && object.getClass() == renamed
                    ? new SimpleSerializedObject<>(serialized.getData(), serialized.getContentType(),
                            new SimpleSerializedType(name, null))
                    : serialized;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public SerializedType typeForClass(Class type) {
            return type == renamed ? new SimpleSerializedType(name, null) : delegate.typeForClass(type);
        }
    }
}
