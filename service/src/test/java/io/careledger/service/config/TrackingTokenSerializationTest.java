package io.careledger.service.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careledger.command.eventstore.infra.kurrentdb.KurrentTrackingToken;
import java.nio.charset.StandardCharsets;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.InvalidTypeIdException;

/** Tokens as the token store keeps them: a KurrentDB position alone and inside a replay, and nothing foreign. */
class TrackingTokenSerializationTest {
    private final Serializer serializer = Jackson3Serializer.builder()
            .jsonMapperBuilderCustomizer(new AxonConfiguration().axonTokenTypes()).build();

    private TrackingToken roundTrip(TrackingToken token) {
        SerializedObject<byte[]> stored = serializer.serialize(token, byte[].class);
        return serializer.deserialize(stored);
    }

    @Test
    void aKurrentDbPositionReadsBackAsItWasStored() {
        KurrentTrackingToken position = new KurrentTrackingToken(4_711_000_000L, 4_711_000_000L);

        assertThat(roundTrip(position)).isEqualTo(position);
        assertThat(roundTrip(KurrentTrackingToken.BEFORE_FIRST)).isEqualTo(KurrentTrackingToken.BEFORE_FIRST);
    }

    @Test
    void aReplayOverKurrentDbPositionsReadsBack() {
        TrackingToken replay = ReplayToken.createReplayToken(new KurrentTrackingToken(900, 900),
                new KurrentTrackingToken(100, 100));

        TrackingToken read = roundTrip(replay);

        assertThat(read).isInstanceOf(ReplayToken.class).isEqualTo(replay);
        assertThat(((ReplayToken) read).getTokenAtReset()).isEqualTo(new KurrentTrackingToken(900, 900));
    }

    /** A token type of nobody's: the validator must refuse to build it from stored data. */
    record ForeignToken(long at) implements TrackingToken {
        @Override
        public TrackingToken lowerBound(TrackingToken other) {
            return this;
        }

        @Override
        public TrackingToken upperBound(TrackingToken other) {
            return this;
        }

        @Override
        public boolean covers(TrackingToken other) {
            return true;
        }
    }

    @Test
    void aStoredTokenCannotNameAClassOutsideTheAdmittedOnes() {
        byte[] json = ("{\"tokenAtReset\":{\"@class\":\"" + ForeignToken.class.getName()
                + "\",\"at\":1},\"currentToken\":null,\"context\":null}").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serializer.deserialize(new SimpleSerializedObject<>(json, byte[].class,
                new SimpleSerializedType(ReplayToken.class.getName(), null))))
                .rootCause().isInstanceOf(InvalidTypeIdException.class).hasMessageContaining("ForeignToken");
    }
}
