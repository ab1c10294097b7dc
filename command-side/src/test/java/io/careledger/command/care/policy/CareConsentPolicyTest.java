package io.careledger.command.care.policy;

import static io.careledger.api.customer.ConsentPurpose.DATA_PROCESSING;
import static io.careledger.api.customer.ConsentPurpose.MARKETING_EMAIL;
import static io.careledger.api.customer.ConsentPurpose.MARKETING_SMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.careledger.api.care.CareSkipReason;
import io.careledger.api.care.CareTaskKind;
import io.careledger.api.customer.ConsentPurpose;
import io.careledger.api.customer.ContactChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CareConsentPolicyTest {

    private static final String VERSION = "care-consent-2026.1";
    private final CareConsentPolicy policy = CareConsentPolicy.defaults();

    /** "SMS" scheduled on SMS, "-" scheduled without a channel (a call or visit), otherwise the skip reason. */
    @ParameterizedTest(name = "{0}, given [{1}], withdrawn [{2}], prefers {3}: {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // Calls and visits: part of the service; only an explicit data-processing withdrawal stops them.
            "PURCHASE_FOLLOW_UP     |                                |                 | -           | -",
            "PURCHASE_FOLLOW_UP     | DATA_PROCESSING                |                 | SMS         | -",
            "PURCHASE_FOLLOW_UP     |                                | DATA_PROCESSING | PHONE_CALL  | DATA_PROCESSING_WITHDRAWN",
            "SATISFACTION_FOLLOW_UP |                                | MARKETING_SMS   | SMS         | -",
            "SATISFACTION_FOLLOW_UP |                                | DATA_PROCESSING | -           | DATA_PROCESSING_WITHDRAWN",
            "CALLBACK               | PROFILING                      |                 | EMAIL       | -",
            "CALLBACK               |                                | DATA_PROCESSING | -           | DATA_PROCESSING_WITHDRAWN",
            "HOME_VISIT             |                                |                 | -           | -",
            "HOME_VISIT             | MARKETING_SMS                  | DATA_PROCESSING | SMS         | DATA_PROCESSING_WITHDRAWN",
            // Messages: a preferred channel and that channel's consent, actually given.
            "BIRTHDAY_MESSAGE       | MARKETING_SMS                  |                 | SMS         | SMS",
            "BIRTHDAY_MESSAGE       | MARKETING_SMS                  |                 | -           | NO_PREFERRED_CHANNEL",
            "BIRTHDAY_MESSAGE       | MARKETING_EMAIL                |                 | SMS         | NO_CONSENT",
            "BIRTHDAY_MESSAGE       |                                | MARKETING_SMS   | SMS         | NO_CONSENT",
            "BIRTHDAY_MESSAGE       |                                | DATA_PROCESSING | -           | DATA_PROCESSING_WITHDRAWN",
            "THANK_YOU_MESSAGE      | MARKETING_EMAIL                |                 | EMAIL       | EMAIL",
            "THANK_YOU_MESSAGE      | DATA_PROCESSING                |                 | EMAIL       | NO_CONSENT",
            "THANK_YOU_MESSAGE      | PROFILING                      |                 | SMS         | NO_CONSENT",
            "THANK_YOU_MESSAGE      | MARKETING_SMS                  | DATA_PROCESSING | SMS         | DATA_PROCESSING_WITHDRAWN",
            "RECONNECT_MESSAGE      | DATA_PROCESSING                |                 | PHONE_CALL  | PHONE_CALL",
            "RECONNECT_MESSAGE      | DATA_PROCESSING                |                 | APP_MESSAGE | APP_MESSAGE",
            "RECONNECT_MESSAGE      |                                |                 | PHONE_CALL  | NO_CONSENT",
            "RECONNECT_MESSAGE      | MARKETING_SMS, MARKETING_EMAIL |                 | APP_MESSAGE | NO_CONSENT"})
    void decidesFromConsentsAndThePreferredChannel(CareTaskKind kind, String given, String withdrawn,
                                                    ContactChannel preferred, String expected) {
        CareDecision decision = policy.decide(kind, new ContactPermissions(purposes(given), purposes(withdrawn),
                preferred));

        if (expected == null) {
            assertThat(decision).isEqualTo(new CareDecision(null, null, VERSION));
        } else if (Arrays.stream(ContactChannel.values()).anyMatch(c -> c.name().equals(expected))) {
            assertThat(decision).isEqualTo(new CareDecision(ContactChannel.valueOf(expected), null, VERSION));
        } else {
            assertThat(decision).isEqualTo(new CareDecision(null, CareSkipReason.valueOf(expected), VERSION));
            assertThat(decision.isSkipped()).isTrue();
        }
    }

    /** The consent a message on each channel needs, as DOMAIN.md §1 and §3 read. */
    private static final Map<ContactChannel, ConsentPurpose> NEEDED = Map.of(
            ContactChannel.SMS, MARKETING_SMS, ContactChannel.EMAIL, MARKETING_EMAIL,
            ContactChannel.PHONE_CALL, DATA_PROCESSING, ContactChannel.APP_MESSAGE, DATA_PROCESSING);

    /**
     * Every kind, every consent state (each purpose given, never given or withdrawn) and every preferred channel:
     * 7 x 81 x 5 cases, each held to the rules in the order the policy states them.
     */
    @Test
    void holdsItsRulesForEveryKindConsentAndChannel() {
        int cases = 0;
        for (CareTaskKind kind : CareTaskKind.values()) {
            for (Map<ConsentPurpose, State> states : allConsentStates()) {
                Set<ConsentPurpose> given = having(states, State.GIVEN);
                Set<ConsentPurpose> withdrawn = having(states, State.WITHDRAWN);
                for (ContactChannel preferred : channelsAndNone()) {
                    CareDecision decision = policy.decide(kind, new ContactPermissions(given, withdrawn, preferred));
                    String situation = kind + " " + states + " " + preferred;
                    if (withdrawn.contains(DATA_PROCESSING)) {
                        assertThat(decision.skipReason()).as(situation)
                                .isEqualTo(CareSkipReason.DATA_PROCESSING_WITHDRAWN);
                    } else if (!kind.isMessage()) {
                        assertThat(decision).as(situation).isEqualTo(new CareDecision(null, null, VERSION));
                    } else if (preferred == null) {
                        assertThat(decision.skipReason()).as(situation).isEqualTo(CareSkipReason.NO_PREFERRED_CHANNEL);
                    } else if (given.contains(NEEDED.get(preferred))) {
                        assertThat(decision).as(situation).isEqualTo(new CareDecision(preferred, null, VERSION));
                    } else {
                        assertThat(decision.skipReason()).as(situation).isEqualTo(CareSkipReason.NO_CONSENT);
                    }
                    cases++;
                }
            }
        }
        assertThat(cases).isEqualTo(7 * 81 * 5);
    }

    @Test
    void refusesATableWithoutAChannel() {
        Map<ContactChannel, ConsentPurpose> table = new EnumMap<>(NEEDED);
        table.remove(ContactChannel.APP_MESSAGE);
        assertThatIllegalArgumentException().isThrownBy(() -> new CareConsentPolicy("v2", table))
                .withMessageContaining("APP_MESSAGE");
    }

    @Test
    void aPurposeIsNeverGivenAndWithdrawnAtOnce() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ContactPermissions(Set.of(MARKETING_SMS),
                Set.of(MARKETING_SMS), null));
    }

    private enum State { GIVEN, NEVER, WITHDRAWN }

    private static List<Map<ConsentPurpose, State>> allConsentStates() {
        List<Map<ConsentPurpose, State>> all = new ArrayList<>();
        all.add(new EnumMap<>(ConsentPurpose.class));
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            List<Map<ConsentPurpose, State>> extended = new ArrayList<>();
            for (Map<ConsentPurpose, State> partial : all) {
                for (State state : State.values()) {
                    Map<ConsentPurpose, State> next = new EnumMap<>(ConsentPurpose.class);
                    next.putAll(partial);
                    next.put(purpose, state);
                    extended.add(next);
                }
            }
            all = extended;
        }
        return all;
    }

    private static Set<ConsentPurpose> having(Map<ConsentPurpose, State> states, State state) {
        return states.entrySet().stream().filter(e -> e.getValue() == state).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ConsentPurpose.class)));
    }

    private static List<ContactChannel> channelsAndNone() {
        List<ContactChannel> channels = new ArrayList<>(Arrays.asList(ContactChannel.values()));
        channels.add(null);
        return channels;
    }

    private static Set<ConsentPurpose> purposes(String list) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(list.split(",")).map(String::strip).map(ConsentPurpose::valueOf)
                .collect(Collectors.toSet());
    }
}
