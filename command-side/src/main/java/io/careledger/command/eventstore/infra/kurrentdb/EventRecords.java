package io.careledger.command.eventstore.infra.kurrentdb;

import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.EventDataBuilder;
import io.kurrent.dbclient.RecordedEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Axon events to KurrentDB records and back. The record's event type is the serializer's stable name
 * ({@code complaint.filed}), its data the payload JSON, and its metadata a JSON {@link Envelope} with what Axon
 * needs besides: the message identifier, the aggregate type, the aggregate sequence, the Axon timestamp, the
 * payload revision and Axon's own metadata (actor, channel, correlation, causation).
 * <p>
 * KurrentDB wants a UUID per event; Axon's identifiers are UUIDs, and any other identifier maps to a UUID
 * derived from it, so the same event always carries the same id and a repeated append stays idempotent.
 */
final class EventRecords {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StreamNames streams;

    EventRecords(StreamNames streams) {
        this.streams = streams;
    }

    /**
     * The metadata envelope stored with every record.
     *
     * @param sequenceNumber the aggregate sequence: equal to the stream revision for events, needed for snapshots
     */
    record Envelope(String eventIdentifier, String aggregateType, long sequenceNumber, String timestamp,
                    String payloadRevision, JsonNode metaData) {
    }

    EventData toRecord(EventMessage<?> event, Serializer serializer) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        Envelope envelope = new Envelope(event.getIdentifier(),
                domain == null ? null : domain.getType(),
                domain == null ? 0 : domain.getSequenceNumber(),
                DateTimeUtils.formatInstant(event.getTimestamp()),
                payload.getType().getRevision(),
                JSON.readTree(metaData.getData()));
        return EventDataBuilder.json(recordId(event.getIdentifier()), payload.getType().getName(), payload.getData())
                               .metadataAsBytes(JSON.writeValueAsBytes(envelope))
                               .build();
    }

    /**
     * Reads a stored record back. Records written by something else under this prefix (no envelope) still read:
     * the KurrentDB id, creation time and revision stand in for what the envelope would have said.
     */
    DomainEventData<byte[]> fromRecord(RecordedEvent recorded, boolean snapshot) {
        Envelope envelope = envelopeOf(recorded);
        long sequence = snapshot ? envelope.sequenceNumber() : recorded.getRevision();
        return new GenericDomainEventEntry<>(envelope.aggregateType(), streams.aggregateIdOf(recorded.getStreamId()),
                sequence, envelope.eventIdentifier(), envelope.timestamp(), recorded.getEventType(),
                envelope.payloadRevision(), recorded.getEventData(), JSON.writeValueAsBytes(envelope.metaData()));
    }

    /** The Axon timestamp of a record, for finding a position by time. */
    Instant timestampOf(RecordedEvent recorded) {
        return DateTimeUtils.parseInstant(envelopeOf(recorded).timestamp());
    }

    private static Envelope envelopeOf(RecordedEvent recorded) {
        byte[] metadata = recorded.getUserMetadata();
        Envelope stored = metadata == null || metadata.length == 0 ? null : JSON.readValue(metadata, Envelope.class);
        if (stored != null && stored.eventIdentifier() != null) {
            return stored.metaData() == null
                    ? new Envelope(stored.eventIdentifier(), stored.aggregateType(), stored.sequenceNumber(),
                            stored.timestamp(), stored.payloadRevision(), JSON.createObjectNode())
                    : stored;
        }
        return new Envelope(recorded.getEventId().toString(), null, recorded.getRevision(),
                DateTimeUtils.formatInstant(recorded.getCreated()), null, JSON.createObjectNode());
    }

    static UUID recordId(String axonIdentifier) {
        try {
            UUID parsed = UUID.fromString(axonIdentifier);
            if (parsed.toString().equalsIgnoreCase(axonIdentifier)) {
                return parsed;
            }
        } catch (IllegalArgumentException notAUuid) {
            // falls through to a derived id
        }
        return UUID.nameUUIDFromBytes(axonIdentifier.getBytes(StandardCharsets.UTF_8));
    }
}
