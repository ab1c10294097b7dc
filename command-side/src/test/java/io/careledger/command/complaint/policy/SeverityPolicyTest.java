package io.careledger.command.complaint.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.complaint.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SeverityPolicyTest {

    private static final Instant FILED_AT = Instant.parse("2026-03-02T09:00:00Z");
    private final SeverityPolicy defaults = SeverityPolicy.defaults();

    /** DOMAIN.md §4, one row per category. */
    @ParameterizedTest(name = "{0} is {1}, answered within {2}")
    @CsvSource({
            "PRICE_DISPUTE,     LEVEL_1, PT1H",
            "WRONG_ITEM,        LEVEL_1, PT1H",
            "FRESH_SPOILAGE,    LEVEL_2, PT4H",
            "EQUIPMENT_FAILURE, LEVEL_2, PT4H",
            "PRODUCT_QUALITY,   LEVEL_2, PT4H",
            "PACKAGING_DAMAGE,  LEVEL_2, PT4H",
            "STAFF_ATTITUDE,    LEVEL_2, PT4H",
            "DELIVERY,          LEVEL_2, PT4H",
            "FOOD_SAFETY,       LEVEL_3, PT24H",
            "BATCH_COMPLAINT,   LEVEL_3, PT24H"})
    void defaultsFollowTheDomainTable(ComplaintCategory category, Severity level, Duration firstResponse) {
        assertThat(defaults.decide(category, FILED_AT))
                .isEqualTo(new SeverityDecision(level, FILED_AT.plus(firstResponse), "severity-2026.1"));
    }

    @Test
    void plansTheDeadlineOfAnyLevelFromAnyMoment() {
        Instant escalatedAt = FILED_AT.plus(Duration.ofMinutes(70));
        assertThat(defaults.firstResponseDueAt(Severity.LEVEL_2, escalatedAt))
                .isEqualTo(escalatedAt.plus(Duration.ofHours(4)));
    }

    @ParameterizedTest
    @EnumSource(ComplaintCategory.class)
    void refusesATableWithoutACategory(ComplaintCategory missing) {
        Map<ComplaintCategory, Severity> severities = new EnumMap<>(defaults.severities());
        severities.remove(missing);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SeverityPolicy("v2", severities, defaults.firstResponseDeadlines()))
                .withMessageContaining(missing.name());
    }

    @ParameterizedTest
    @EnumSource(Severity.class)
    void refusesATableWithoutALevelsDeadline(Severity missing) {
        Map<Severity, Duration> deadlines = new EnumMap<>(defaults.firstResponseDeadlines());
        deadlines.remove(missing);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SeverityPolicy("v2", defaults.severities(), deadlines))
                .withMessageContaining(missing.name());
    }

    @ParameterizedTest
    @CsvSource({"PT0S", "-PT1H"})
    void refusesADeadlineThatIsNotInTheFuture(Duration deadline) {
        Map<Severity, Duration> deadlines = new EnumMap<>(defaults.firstResponseDeadlines());
        deadlines.put(Severity.LEVEL_2, deadline);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SeverityPolicy("v2", defaults.severities(), deadlines));
    }

    @Test
    void refusesATableWithoutVersion() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SeverityPolicy(" ", defaults.severities(), defaults.firstResponseDeadlines()));
    }

    @Test
    void cannotBeChangedAfterConstruction() {
        Map<ComplaintCategory, Severity> severities = new EnumMap<>(defaults.severities());
        SeverityPolicy policy = new SeverityPolicy("v2", severities, defaults.firstResponseDeadlines());
        severities.put(ComplaintCategory.DELIVERY, Severity.LEVEL_3);
        assertThat(policy.severities()).containsEntry(ComplaintCategory.DELIVERY, Severity.LEVEL_2);
    }
}
