package io.careledger.query.projection;

import java.util.OptionalLong;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

/**
 * An event's place in the global event stream, from the tracking token a streaming processor hands its
 * handlers. The same event has the same position live and in every replay, which is what lets it order
 * read-model entries of the same moment.
 */
public final class TrackingPositions {

    private TrackingPositions() {
    }

    /**
     * The global index for the tokens of Axon's own stores ({@link GlobalSequenceTrackingToken} of the
     * in-memory and other stores, {@link GapAwareTrackingToken} of the JDBC store); the current position
     * inside a {@link ReplayToken}; the lower bound of other wrappers (a {@code MergedTrackingToken} while
     * two segments merge: the position the lagging half has reached, which is the event's); otherwise what
     * the token itself reports. Empty without a token or a position.
     */
    public static OptionalLong of(TrackingToken token) {
        if (token == null) {
            return OptionalLong.empty();
        }
        if (token instanceof GlobalSequenceTrackingToken global) {
            return OptionalLong.of(global.getGlobalIndex());
        }
        if (token instanceof GapAwareTrackingToken gapAware) {
            return OptionalLong.of(gapAware.getIndex());
        }
        if (token instanceof ReplayToken replay) {
            return of(replay.getCurrentToken());
        }
        if (token instanceof WrappedToken wrapped) {
            TrackingToken lower = wrapped.lowerBound();
            return lower == token ? token.position() : of(lower);
        }
        return token.position();
    }
}
