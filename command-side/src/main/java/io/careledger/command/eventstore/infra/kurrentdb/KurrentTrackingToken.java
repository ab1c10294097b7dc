package io.careledger.command.eventstore.infra.kurrentdb;

import io.kurrent.dbclient.Position;
import java.util.Comparator;
import java.util.OptionalLong;
import org.axonframework.eventhandling.TrackingToken;

/**
 * A place in KurrentDB's global log ({@code $all}): the commit and prepare positions of the last event a
 * processor has handled. Positions are log offsets, not counters, so they grow with gaps and only their order
 * means anything. {@link #BEFORE_FIRST} stands before every event.
 * <p>
 * A record of two numbers so the token store can keep it as plain JSON.
 *
 * @param commitPosition  the commit position of the last handled event, or -1 before the first
 * @param preparePosition its prepare position, or -1 before the first
 */
public record KurrentTrackingToken(long commitPosition, long preparePosition)
        implements TrackingToken, Comparable<KurrentTrackingToken> {

    public static final KurrentTrackingToken BEFORE_FIRST = new KurrentTrackingToken(-1, -1);

    private static final Comparator<KurrentTrackingToken> ORDER = Comparator
            .comparingLong(KurrentTrackingToken::commitPosition)
            .thenComparingLong(KurrentTrackingToken::preparePosition);

    public KurrentTrackingToken {
        if (commitPosition < -1 || preparePosition < -1) {
            throw new IllegalArgumentException("Positions are -1 (before the first event) or more, not "
                    + commitPosition + "/" + preparePosition);
        }
    }

    static KurrentTrackingToken at(Position position) {
        return new KurrentTrackingToken(position.getCommitUnsigned(), position.getPrepareUnsigned());
    }

    /** Where a subscription resumes: it delivers the events after this position. */
    Position toPosition() {
        return new Position(commitPosition, preparePosition);
    }

    boolean isBeforeFirst() {
        return equals(BEFORE_FIRST);
    }

    @Override
    public TrackingToken lowerBound(TrackingToken other) {
        KurrentTrackingToken that = require(other);
        return compareTo(that) <= 0 ? this : that;
    }

    @Override
    public TrackingToken upperBound(TrackingToken other) {
        KurrentTrackingToken that = require(other);
        return compareTo(that) >= 0 ? this : that;
    }

    @Override
    public boolean covers(TrackingToken other) {
        return other == null || compareTo(require(other)) >= 0;
    }

    @Override
    public OptionalLong position() {
        return OptionalLong.of(commitPosition);
    }

    @Override
    public int compareTo(KurrentTrackingToken other) {
        return ORDER.compare(this, other);
    }

    private static KurrentTrackingToken require(TrackingToken other) {
        if (other instanceof KurrentTrackingToken token) {
            return token;
        }
        throw new IllegalArgumentException("A KurrentDB position cannot be compared with " + other);
    }
}
