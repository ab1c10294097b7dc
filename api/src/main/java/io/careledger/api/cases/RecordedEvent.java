package io.careledger.api.cases;

import java.time.Instant;

/**
 * One stored event as an auditor sees it. {@code type} is the stable stored name, {@code payload} the
 * stored JSON, {@code actor}, {@code channel}, {@code correlationId} and {@code causationId} come from the
 * event's metadata.
 */
public record RecordedEvent(
        String eventId,
        long sequence,
        String type,
        String revision,
        Instant occurredAt,
        String actor,
        String channel,
        String correlationId,
        String causationId,
        String payload) {
}
