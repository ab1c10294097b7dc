package io.careledger.command.complaint.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FirstContactResolutionPolicyTest {

    @Test
    void aCaseNothingHappenedToIsResolvedAtFirstContact() {
        assertThat(FirstContactResolutionPolicy.resolvedAtFirstContact(FirstContactFacts.NONE)).isTrue();
    }

    static Stream<Arguments> disqualifyingFacts() {
        return Stream.of(
                Arguments.of("transfer", (UnaryOperator<FirstContactFacts>) FirstContactFacts::withTransfer),
                Arguments.of("escalation", (UnaryOperator<FirstContactFacts>) FirstContactFacts::withEscalation),
                Arguments.of("rejected resolution",
                        (UnaryOperator<FirstContactFacts>) FirstContactFacts::withRejectedResolution),
                Arguments.of("reopening", (UnaryOperator<FirstContactFacts>) FirstContactFacts::withReopening));
    }

    @ParameterizedTest(name = "a {0}")
    @MethodSource("disqualifyingFacts")
    void anyOneDisqualifyingFactIsEnough(String fact, UnaryOperator<FirstContactFacts> happen) {
        assertThat(FirstContactResolutionPolicy.resolvedAtFirstContact(happen.apply(FirstContactFacts.NONE)))
                .isFalse();
    }
}
