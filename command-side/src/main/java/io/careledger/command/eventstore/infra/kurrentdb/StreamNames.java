package io.careledger.command.eventstore.infra.kurrentdb;

import java.util.regex.Pattern;

/**
 * How aggregates map to KurrentDB streams. The storage engine is handed only an aggregate's identifier, never its
 * type, when it reads, so a stream name can hold nothing else: {@code <prefix>-<aggregateId>}, e.g.
 * {@code careledger-7f3c…}. That is safe here because identifiers are unique across aggregate types (generated
 * UUIDs); the aggregate type still travels in every event's metadata. Deriving the type into the name from the
 * first event would leave reads unable to find the stream.
 * <p>
 * Snapshots live in a companion stream {@code snapshot-<prefix>-<aggregateId>}, deliberately outside the event
 * prefix so the global read never sees them.
 *
 * @param prefix letters, digits and underscores, so it needs no escaping in the server's (.NET) regular expression
 */
public record StreamNames(String prefix) {
    private static final Pattern SAFE_PREFIX = Pattern.compile("[A-Za-z0-9_]+");
    private static final String SNAPSHOTS = "snapshot-";

    public StreamNames {
        if (prefix == null || !SAFE_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("A stream prefix is letters, digits and underscores, not '" + prefix + "'");
        }
    }

    String eventStream(String aggregateId) {
        return prefix + "-" + aggregateId;
    }

    String snapshotStream(String aggregateId) {
        return SNAPSHOTS + eventStream(aggregateId);
    }

    String aggregateIdOf(String stream) {
        String events = stream.startsWith(SNAPSHOTS) ? stream.substring(SNAPSHOTS.length()) : stream;
        return events.substring(prefix.length() + 1);
    }

    boolean isEventStream(String stream) {
        return stream.startsWith(prefix + "-");
    }

    /** The server-side filter of the global read: this application's event streams, no system or foreign ones. */
    String eventStreamPattern() {
        return "^" + prefix + "-";
    }
}
