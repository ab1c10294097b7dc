package io.careledger.command.care.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CarePolicyTest {

    private static final Instant TRIGGER = Instant.parse("2026-03-02T09:00:00Z");
    private final CarePolicy defaults = CarePolicy.defaults();

    @Test
    void defaultsAreTheSourcesDelaysInChinaTime() {
        assertThat(defaults.version()).isEqualTo("care-2026.1");
        assertThat(defaults.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(defaults.purchaseFollowUpDue(TRIGGER)).isEqualTo(Instant.parse("2026-03-09T09:00:00Z"));
        assertThat(defaults.satisfactionFollowUpDue(TRIGGER)).isEqualTo(Instant.parse("2026-03-04T09:00:00Z"));
        assertThat(defaults.reconnectDue(TRIGGER)).isEqualTo(Instant.parse("2026-03-05T09:00:00Z"));
    }

    /** Shanghai is UTC+8: its day runs from 16:00 UTC the evening before to 15:59:59 UTC. */
    @ParameterizedTest(name = "triggered {0}: due {1}")
    @CsvSource({
            "2026-03-02T09:00:00Z, 2026-03-02T15:59:59Z",
            "2026-03-01T16:00:00Z, 2026-03-02T15:59:59Z",
            "2026-03-02T15:59:59Z, 2026-03-02T15:59:59Z",
            "2026-03-02T16:00:00Z, 2026-03-03T15:59:59Z"})
    void sameDayMeansBeforeTheLocalDayEnds(Instant trigger, Instant due) {
        assertThat(defaults.sameDayDue(trigger)).isEqualTo(due);
    }

    @Test
    void followsDaylightSavingInZonesThatHaveIt() {
        CarePolicy berlin = new CarePolicy("care-test", ZoneId.of("Europe/Berlin"), Duration.ofDays(7),
                Duration.ofHours(48), Duration.ofDays(3));
        // 29 March 2026: Berlin switches to summer time, so the day ends at 22:00 UTC, not 23:00.
        assertThat(berlin.sameDayDue(Instant.parse("2026-03-29T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-29T21:59:59Z"));
        assertThat(berlin.birthdayMessageDue(LocalDate.parse("2026-03-29")))
                .isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
    }

    @Test
    void aBirthdayMessageIsDueWhenTheLocalBirthdayBegins() {
        assertThat(defaults.birthdayMessageDue(LocalDate.parse("2026-04-30")))
                .isEqualTo(Instant.parse("2026-04-29T16:00:00Z"));
    }

    @Test
    void knowsTheLocalDate() {
        assertThat(defaults.today(Instant.parse("2026-03-02T16:00:00Z"))).isEqualTo(LocalDate.parse("2026-03-03"));
    }

    @Test
    void refusesAnIncompletePolicy() {
        ZoneId zone = defaults.zone();
        assertThatIllegalArgumentException().isThrownBy(() -> new CarePolicy("v2", null, Duration.ofDays(7),
                Duration.ofHours(48), Duration.ofDays(3)));
        assertThatIllegalArgumentException().isThrownBy(() -> new CarePolicy("v2", zone, Duration.ZERO,
                Duration.ofHours(48), Duration.ofDays(3))).withMessageContaining("purchaseFollowUpDelay");
        assertThatIllegalArgumentException().isThrownBy(() -> new CarePolicy("v2", zone, Duration.ofDays(7),
                Duration.ofHours(-48), Duration.ofDays(3))).withMessageContaining("satisfactionFollowUpDelay");
        assertThatIllegalArgumentException().isThrownBy(() -> new CarePolicy("v2", zone, Duration.ofDays(7),
                Duration.ofHours(48), null)).withMessageContaining("reconnectDueDelay");
        assertThatIllegalArgumentException().isThrownBy(() -> new CarePolicy("", zone, Duration.ofDays(7),
                Duration.ofHours(48), Duration.ofDays(3)));
    }
}
