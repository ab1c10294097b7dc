package io.careledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.MergedTrackingToken;
import org.axonframework.eventhandling.MultiSourceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

class TrackingPositionsTest {

    @Test
    void theGlobalIndexOfTheInMemoryAndJdbcStoresTokens() {
        assertThat(TrackingPositions.of(new GlobalSequenceTrackingToken(41))).hasValue(41);
        assertThat(TrackingPositions.of(GapAwareTrackingToken.newInstance(17, new TreeSet<>(java.util.List.of(12L, 15L)))))
                .hasValue(17);
    }

    @Test
    void insideAReplayTheEventsOwnPositionNotTheResetPosition() {
        TrackingToken replay = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100),
                new GlobalSequenceTrackingToken(3));

        TrackingToken advanced = ((ReplayToken) replay).advancedTo(new GlobalSequenceTrackingToken(7));

        assertThat(TrackingPositions.of(advanced)).hasValue(7);
        assertThat(TrackingPositions.of(ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(90,
                new TreeSet<>()), GapAwareTrackingToken.newInstance(8, new TreeSet<>()))))
                .hasValue(8);
    }

    @Test
    void whileSegmentsMergeThePositionTheLaggingHalfHasReached() {
        TrackingToken merged = new MergedTrackingToken(new GlobalSequenceTrackingToken(12),
                new GlobalSequenceTrackingToken(20));

        assertThat(TrackingPositions.of(merged)).hasValue(12);
        assertThat(TrackingPositions.of(ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(50), merged)))
                .hasValue(12);
    }

    @Test
    void otherTokensReportTheirOwnPosition() {
        MultiSourceTrackingToken multi = new MultiSourceTrackingToken(Map.of(
                "a", new GlobalSequenceTrackingToken(2), "b", new GlobalSequenceTrackingToken(5)));

        assertThat(TrackingPositions.of(multi)).isEqualTo(multi.position());
    }

    @Test
    void noTokenNoPosition() {
        assertThat(TrackingPositions.of(null)).isEqualTo(OptionalLong.empty());
        assertThat(TrackingPositions.of(ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(5), null)))
                .isEqualTo(OptionalLong.empty());
    }
}
