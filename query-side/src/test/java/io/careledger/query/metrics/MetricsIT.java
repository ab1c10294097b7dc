package io.careledger.query.metrics;

import static io.careledger.query.metrics.MetricsWorld.CLERK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.careledger.api.care.CareTaskKind;
import io.careledger.api.common.Channel;
import io.careledger.api.common.InvalidValueException;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.complaint.Severity;
import io.careledger.api.customer.SurveySubject;
import io.careledger.api.metrics.CategoryShare;
import io.careledger.api.metrics.GetServiceMetrics;
import io.careledger.api.metrics.GetStaffPerformance;
import io.careledger.api.metrics.Granularity;
import io.careledger.api.metrics.LevelBreachRate;
import io.careledger.api.metrics.MetricsBucket;
import io.careledger.api.metrics.MetricsDefinition;
import io.careledger.api.metrics.StaffMetrics;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;

/**
 * Table tests of every metric definition (docs/metrics.md) on small hand-computed histories, against the real
 * Elasticsearch: each test projects its own events into an index of its own and checks the figures it expects.
 */
class MetricsIT {
    private static final AtomicInteger worlds = new AtomicInteger();
    private static final StaffId ANNA = StaffId.of("anna");
    private static final StaffId BO = StaffId.of("bo");

    /** Midnight of a March 2026 day in the metrics zone (Asia/Shanghai), 16:00 UTC the day before. */
    private static Instant march(int day) {
        return LocalDate.of(2026, 3, day).atStartOfDay(MetricsDefinition.ZONE).toInstant();
    }

    private static Instant at(String shanghaiLocal) {
        return LocalDateTime.parse(shanghaiLocal).atZone(MetricsDefinition.ZONE).toInstant();
    }

    private static MetricsWorld world() throws IOException {
        return new MetricsWorld("it-metrics-" + worlds.incrementAndGet());
    }

    @Test
    void theIndexNamesTheDefinitionVersionItIsBuiltFor() throws IOException {
        assertThat(world().index.readDefinitionVersion()).as("metrics-mapping.json _meta.definitionVersion")
                .contains(MetricsDefinition.VERSION);
    }

    @Test
    void emptyPeriodsCountZeroAndHaveNoRatesOrAverages() throws IOException {
        List<MetricsBucket> days = world().project().metrics(march(10), march(13), Granularity.DAY);

        assertThat(days).extracting(MetricsBucket::period)
                .containsExactly(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 3, 11), LocalDate.of(2026, 3, 12));
        MetricsBucket empty = days.get(0);
        assertThat(empty.definitionVersion()).isEqualTo(MetricsDefinition.VERSION);
        assertThat(empty.periodStart()).isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));
        assertThat(empty.complaintsFiled()).isZero();
        assertThat(empty.avgFirstResponseMinutes()).isNull();
        assertThat(empty.p90FirstResponseMinutes()).isNull();
        assertThat(empty.firstContactResolutionRate()).isNull();
        assertThat(empty.avgHandlingHours()).isNull();
        assertThat(empty.slaBreachRate()).isNull();
        assertThat(empty.slaBreachRateByLevel()).extracting(LevelBreachRate::rate).containsOnlyNulls();
        assertThat(empty.csatAverage()).isNull();
        assertThat(empty.nps()).isNull();
        assertThat(empty.refundsCount()).isZero();
        assertThat(empty.refundsAmount()).isEqualByComparingTo("0");
        assertThat(empty.autoApprovalRate()).isNull();
        assertThat(empty.avgRefundHours()).isNull();
        assertThat(empty.repairsCount()).isZero();
        assertThat(empty.freeRepairShare()).isNull();
        assertThat(empty.topCategories()).isEmpty();
        assertThat(empty.flaggedCategories()).isEmpty();
        assertThat(empty.repeatPurchaseRate()).isNull();
    }

    @Test
    void firstResponseAverageAndNearestRankP90RollUpFromTheMinutesNotFromDailyFigures() throws IOException {
        MetricsWorld world = world();
        for (int minutes = 1; minutes <= 10; minutes++) {
            String id = "frt-" + minutes;
            world.filed(id, march(10).plus(Duration.ofHours(9)), Severity.LEVEL_1, ComplaintCategory.PRICE_DISPUTE)
                    .acknowledged(id, Duration.ofMinutes(minutes).plusSeconds(30), ANNA, true);
        }
        world.filed("frt-late", march(11).plus(Duration.ofHours(9)), Severity.LEVEL_1, ComplaintCategory.WRONG_ITEM)
                .acknowledged("frt-late", Duration.ofMinutes(30), ANNA, true)
                .filed("frt-unanswered", march(11).plus(Duration.ofHours(10)), Severity.LEVEL_1, ComplaintCategory.WRONG_ITEM)
                .project();

        List<MetricsBucket> days = world.metrics(march(10), march(12), Granularity.DAY);
        assertThat(days.get(0).complaintsFiled()).isEqualTo(10);
        assertThat(days.get(0).firstResponses()).isEqualTo(10);
        assertThat(days.get(0).avgFirstResponseMinutes()).isCloseTo(6.0, within(1e-6));
        assertThat(days.get(0).p90FirstResponseMinutes()).as("ceil(0.9 x 10) = 9th value, 9.5 min rounded down").isEqualTo(9);
        assertThat(days.get(1).complaintsFiled()).isEqualTo(2);
        assertThat(days.get(1).firstResponses()).as("an unanswered complaint has no response time yet").isEqualTo(1);
        assertThat(days.get(1).p90FirstResponseMinutes()).isEqualTo(30);

        MetricsBucket week = world.metrics(march(9), march(16), Granularity.WEEK).get(0);
        assertThat(week.complaintsFiled()).isEqualTo(12);
        assertThat(week.avgFirstResponseMinutes()).as("(1.5 + ... + 10.5 + 30) / 11").isCloseTo(90.0 / 11, within(1e-6));
        assertThat(week.p90FirstResponseMinutes()).as("ceil(0.9 x 11) = 10th of 11 values").isEqualTo(10);
    }

    @Test
    void firstContactResolutionAndHandlingTimeCountResolvedComplaintsOnly() throws IOException {
        MetricsWorld world = world();
        Instant nine = march(10).plus(Duration.ofHours(9));
        world.filed("fcr-yes", nine, Severity.LEVEL_1, ComplaintCategory.PRICE_DISPUTE)
                .acknowledged("fcr-yes", Duration.ofMinutes(5), ANNA, true)
                .resolved("fcr-yes", Duration.ofHours(2), true)
                .filed("fcr-no", nine, Severity.LEVEL_1, ComplaintCategory.PRICE_DISPUTE)
                .acknowledged("fcr-no", Duration.ofMinutes(5), ANNA, true)
                .resolved("fcr-no", Duration.ofHours(4), false)
                .filed("fcr-reopened", nine, Severity.LEVEL_1, ComplaintCategory.PRICE_DISPUTE)
                .acknowledged("fcr-reopened", Duration.ofMinutes(5), ANNA, true)
                .resolved("fcr-reopened", Duration.ofHours(1), true)
                .reopened("fcr-reopened", Duration.ofHours(30))
                .filed("fcr-open", nine, Severity.LEVEL_1, ComplaintCategory.PRICE_DISPUTE)
                .project();

        MetricsBucket day = world.metrics(march(10), march(11), Granularity.DAY).get(0);

        assertThat(day.complaintsFiled()).isEqualTo(4);
        assertThat(day.complaintsResolved()).as("the reopened one is open again").isEqualTo(2);
        assertThat(day.firstContactResolutionRate()).isEqualTo(0.5);
        assertThat(day.avgHandlingHours()).isCloseTo(3.0, within(1e-6));
    }

    @Test
    void slaBreachRatePerLevelCountsALateResponseOrAMissedDeadlineOnce() throws IOException {
        MetricsWorld world = world();
        Instant nine = march(10).plus(Duration.ofHours(9));
        world.filed("sla-1a", nine, Severity.LEVEL_1, ComplaintCategory.PRICE_DISPUTE)
                .acknowledged("sla-1a", Duration.ofMinutes(30), ANNA, true)
                .filed("sla-1b", nine, Severity.LEVEL_1, ComplaintCategory.PRICE_DISPUTE)
                .acknowledged("sla-1b", Duration.ofMinutes(70), ANNA, false)
                .filed("sla-2", nine, Severity.LEVEL_2, ComplaintCategory.DELIVERY)
                .deadlineMissed("sla-2", Duration.ofHours(4), Severity.LEVEL_2)
                .acknowledged("sla-2", Duration.ofHours(5), BO, false)
                .filed("sla-3", nine, Severity.LEVEL_3, ComplaintCategory.FOOD_SAFETY)
                .acknowledged("sla-3", Duration.ofHours(3), BO, true)
                .project();

        MetricsBucket day = world.metrics(march(10), march(11), Granularity.DAY).get(0);

        assertThat(day.slaBreaches()).isEqualTo(2);
        assertThat(day.slaBreachRate()).isEqualTo(0.5);
        assertThat(day.slaBreachRateByLevel()).containsExactly(
                new LevelBreachRate(Severity.LEVEL_1, 2, 1, 0.5),
                new LevelBreachRate(Severity.LEVEL_2, 1, 1, 1.0),
                new LevelBreachRate(Severity.LEVEL_3, 1, 0, 0.0));

        MetricsWorld onlyLevelOne = world();
        onlyLevelOne.filed("sla-only", nine, Severity.LEVEL_1, ComplaintCategory.WRONG_ITEM).project();
        assertThat(onlyLevelOne.metrics(march(10), march(11), Granularity.DAY).get(0).slaBreachRateByLevel())
                .as("a level without complaints has no rate, not 0")
                .containsExactly(new LevelBreachRate(Severity.LEVEL_1, 1, 0, 0.0),
                        new LevelBreachRate(Severity.LEVEL_2, 0, 0, null),
                        new LevelBreachRate(Severity.LEVEL_3, 0, 0, null));
    }

    @Test
    void topThreeCategoriesWithTheirShareAndAFlagOnlyAboveFortyPercent() throws IOException {
        MetricsWorld world = world();
        Instant tenth = march(10).plus(Duration.ofHours(9));
        Instant eleventh = march(11).plus(Duration.ofHours(9));
        // 10 March: 2 of 5 price disputes is exactly 40%: not flagged.
        world.filed("cat-1", tenth, Severity.LEVEL_1, ComplaintCategory.PRICE_DISPUTE)
                .filed("cat-2", tenth, Severity.LEVEL_1, ComplaintCategory.PRICE_DISPUTE)
                .filed("cat-3", tenth, Severity.LEVEL_2, ComplaintCategory.DELIVERY)
                .filed("cat-4", tenth, Severity.LEVEL_2, ComplaintCategory.PACKAGING_DAMAGE)
                .filed("cat-5", tenth, Severity.LEVEL_1, ComplaintCategory.WRONG_ITEM)
                // 11 March: 3 of 5 deliveries is 60%: flagged.
                .filed("cat-6", eleventh, Severity.LEVEL_2, ComplaintCategory.DELIVERY)
                .filed("cat-7", eleventh, Severity.LEVEL_2, ComplaintCategory.DELIVERY)
                .filed("cat-8", eleventh, Severity.LEVEL_2, ComplaintCategory.DELIVERY)
                .filed("cat-9", eleventh, Severity.LEVEL_1, ComplaintCategory.PRICE_DISPUTE)
                .filed("cat-10", eleventh, Severity.LEVEL_3, ComplaintCategory.FOOD_SAFETY)
                .project();

        List<MetricsBucket> days = world.metrics(march(10), march(12), Granularity.DAY);

        assertThat(days.get(0).topCategories()).containsExactly(
                new CategoryShare(ComplaintCategory.PRICE_DISPUTE, 2, 0.4, false),
                // Ties keep the categories' declared order.
                new CategoryShare(ComplaintCategory.WRONG_ITEM, 1, 0.2, false),
                new CategoryShare(ComplaintCategory.PACKAGING_DAMAGE, 1, 0.2, false));
        assertThat(days.get(0).flaggedCategories()).isEmpty();
        assertThat(days.get(1).topCategories()).first()
                .isEqualTo(new CategoryShare(ComplaintCategory.DELIVERY, 3, 0.6, true));
        assertThat(days.get(1).flaggedCategories()).extracting(CategoryShare::category)
                .containsExactly(ComplaintCategory.DELIVERY);

        MetricsBucket both = world.metrics(march(9), march(16), Granularity.WEEK).get(0);
        assertThat(both.topCategories()).containsExactly(
                new CategoryShare(ComplaintCategory.DELIVERY, 4, 0.4, false),
                new CategoryShare(ComplaintCategory.PRICE_DISPUTE, 3, 0.3, false),
                new CategoryShare(ComplaintCategory.WRONG_ITEM, 1, 0.1, false));
    }

    @Test
    void csatAverageAndNpsFromSurveyResponses() throws IOException {
        MetricsWorld world = world();
        Instant noon = march(10).plus(Duration.ofHours(12));
        int[][] answers = {{5, 10}, {4, 9}, {3, 7}, {-1, 6}, {-1, 0}};
        for (int i = 0; i < answers.length; i++) {
            world.survey("c-s" + i, "s-" + i, null, answers[i][0] < 0 ? null : answers[i][0], answers[i][1],
                    noon.plusSeconds(i));
        }
        world.survey("c-s9", "s-9", null, 2, null, march(11).plus(Duration.ofHours(12)));
        world.survey("c-s8", "s-8", null, null, 10, march(12).plus(Duration.ofHours(12)))
                .survey("c-s7", "s-7", null, null, 10, march(12).plus(Duration.ofHours(13)))
                .survey("c-s6", "s-6", null, null, 8, march(12).plus(Duration.ofHours(14)))
                .project();

        List<MetricsBucket> days = world.metrics(march(10), march(13), Granularity.DAY);

        assertThat(days.get(0).csatAverage()).isEqualTo(4.0);
        assertThat(days.get(0).csatCount()).isEqualTo(3);
        assertThat(days.get(0).npsCount()).isEqualTo(5);
        assertThat(days.get(0).nps()).as("2 promoters - 2 detractors over 5").isEqualTo(0.0);
        assertThat(days.get(1).csatAverage()).isEqualTo(2.0);
        assertThat(days.get(1).nps()).as("no NPS answer that day").isNull();
        assertThat(days.get(2).csatAverage()).isNull();
        assertThat(days.get(2).nps()).isCloseTo(200.0 / 3, within(1e-6));
    }

    @Test
    void refundsCountAmountAutomaticShareAndTimeToPayment() throws IOException {
        MetricsWorld world = world();
        Instant nine = march(10).plus(Duration.ofHours(9));
        world.refundRequested("rf-auto", nine, "100.50")
                .refundApproved("rf-auto", Duration.ZERO, true, "100.50")
                .refundPaid("rf-auto", Duration.ofMinutes(30), "100.50")
                .refundRequested("rf-review", nine, "20")
                .refundApproved("rf-review", Duration.ofHours(1), false, "20")
                .refundPaid("rf-review", Duration.ofHours(24), "20")
                .refundRequested("rf-no", nine, "999")
                .refundRejected("rf-no", Duration.ofHours(1))
                .refundRequested("rf-waiting", nine, "5")
                .repair("rp-1", nine, true)
                .repair("rp-2", nine, true)
                .repair("rp-3", nine, false)
                .project();

        MetricsBucket day = world.metrics(march(10), march(11), Granularity.DAY).get(0);

        assertThat(day.refundsCount()).isEqualTo(4);
        assertThat(day.refundsAmount()).isEqualByComparingTo(new BigDecimal("120.50"));
        assertThat(day.refundsCurrency()).isEqualTo("CNY");
        assertThat(day.autoApprovalRate()).as("1 automatic of 3 decided").isCloseTo(1.0 / 3, within(1e-6));
        assertThat(day.avgRefundHours()).isCloseTo(12.25, within(1e-6));
        assertThat(day.repairsCount()).isEqualTo(3);
        assertThat(day.freeRepairShare()).isCloseTo(2.0 / 3, within(1e-6));

        GetServiceMetrics byChannel = new GetServiceMetrics(march(10), march(11), Granularity.DAY, null,
                Channel.HOTLINE, null, null);
        MetricsBucket sliced = world.metrics(byChannel).get(0);
        assertThat(sliced.refundsCount()).as("refunds have no complaint channel").isNull();
        assertThat(sliced.refundsAmount()).isNull();
        assertThat(sliced.repairsCount()).isNull();
    }

    @Test
    void repeatPurchaseWithinNinetyDaysAfterResolutionWhateverOrderTheEventsCameIn() throws IOException {
        MetricsWorld world = world();
        Instant nine = march(10).plus(Duration.ofHours(9));
        Duration resolvedAfter = Duration.ofHours(3);
        Instant resolution = nine.plus(resolvedAfter);
        world.filed("rp-buys", nine, Severity.LEVEL_1, ComplaintCategory.PRICE_DISPUTE, MetricsWorld.STORE,
                        Channel.APP, "cust-a")
                .resolved("rp-buys", resolvedAfter, true)
                .purchase("cust-a", "o-before", nine.minus(Duration.ofDays(3)))
                .purchase("cust-a", "o-after", resolution.plus(Duration.ofDays(90)))
                .filed("rp-late", nine, Severity.LEVEL_1, ComplaintCategory.PRICE_DISPUTE, MetricsWorld.STORE,
                        Channel.APP, "cust-b")
                .resolved("rp-late", resolvedAfter, true)
                .purchase("cust-b", "o-late", resolution.plus(Duration.ofDays(90)).plusSeconds(1))
                .filed("rp-never", nine, Severity.LEVEL_1, ComplaintCategory.PRICE_DISPUTE, MetricsWorld.STORE,
                        Channel.APP, "cust-c")
                .resolved("rp-never", resolvedAfter, true)
                .purchase("cust-c", "o-old", nine.minus(Duration.ofDays(1)))
                .filed("rp-open", nine, Severity.LEVEL_1, ComplaintCategory.PRICE_DISPUTE, MetricsWorld.STORE,
                        Channel.APP, "cust-d")
                .purchase("cust-d", "o-d", nine.plus(Duration.ofDays(1)));
        // Purchases first, complaints after: the join at query time does not care.
        List<DomainEventMessage<?>> purchasesFirst = new ArrayList<>(world.recorded);
        purchasesFirst.sort((a, b) -> Boolean.compare(!(a.getPayload() instanceof io.careledger.api.customer.PurchaseRecorded),
                !(b.getPayload() instanceof io.careledger.api.customer.PurchaseRecorded)));
        world.deliver(purchasesFirst);

        MetricsBucket day = world.metrics(march(10), march(11), Granularity.DAY).get(0);

        assertThat(day.complaintsResolved()).isEqualTo(3);
        assertThat(day.repeatPurchases()).isEqualTo(1);
        assertThat(day.repeatPurchaseRate()).isCloseTo(1.0 / 3, within(1e-6));
    }

    @Test
    void daysWeeksAndMonthsStartAtMidnightInShanghai() throws IOException {
        MetricsWorld world = world();
        // 31 March 23:30 in Shanghai is 15:30 UTC; 1 April 00:30 in Shanghai is still 31 March in UTC.
        world.filed("tz-march", at("2026-03-31T23:30:00"), Severity.LEVEL_1, ComplaintCategory.WRONG_ITEM)
                .filed("tz-april", at("2026-04-01T00:30:00"), Severity.LEVEL_1, ComplaintCategory.WRONG_ITEM)
                // Sunday 8 March, late, and Monday 9 March, early: two ISO weeks.
                .filed("tz-sunday", at("2026-03-08T23:59:00"), Severity.LEVEL_1, ComplaintCategory.WRONG_ITEM)
                .filed("tz-monday", at("2026-03-09T00:01:00"), Severity.LEVEL_1, ComplaintCategory.WRONG_ITEM)
                .project();

        List<MetricsBucket> months = world.metrics(march(1), at("2026-05-01T00:00:00"), Granularity.MONTH);
        assertThat(months).extracting(MetricsBucket::period, MetricsBucket::complaintsFiled).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 1), 3L),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 4, 1), 1L));

        List<MetricsBucket> weeks = world.metrics(march(2), march(16), Granularity.WEEK);
        assertThat(weeks).extracting(MetricsBucket::period, MetricsBucket::complaintsFiled).containsExactly(
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 2), 1L),
                org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 9), 1L));

        List<MetricsBucket> partial = world.metrics(at("2026-03-31T12:00:00"), at("2026-04-01T12:00:00"),
                Granularity.DAY);
        assertThat(partial).as("a range starting mid-day still has that day's bucket")
                .extracting(MetricsBucket::period, MetricsBucket::complaintsFiled).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 3, 31), 1L),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 4, 1), 1L));
    }

    @Test
    void duplicatesAndShuffledRedeliveryGiveTheSameFactsAndFigures() throws IOException {
        MetricsWorld inOrder = world();
        MetricsWorld shuffled = world();
        for (MetricsWorld world : List.of(inOrder, shuffled)) {
            Instant nine = march(10).plus(Duration.ofHours(9));
            world.filed("dup-1", nine, Severity.LEVEL_2, ComplaintCategory.DELIVERY)
                    .acknowledged("dup-1", Duration.ofMinutes(20), ANNA, true)
                    .deadlineMissed("dup-1", Duration.ofHours(4), Severity.LEVEL_2)
                    .resolved("dup-1", Duration.ofHours(6), false)
                    .refundRequested("dup-rf", nine, "12.30")
                    .refundApproved("dup-rf", Duration.ZERO, true, "12.30")
                    .refundPaid("dup-rf", Duration.ofHours(1), "12.30")
                    .survey("c-dup-1", "dup-s", new SurveySubject(SurveySubject.Kind.CASE, "dup-1"), 4, 9,
                            nine.plus(Duration.ofDays(1)))
                    .task("dup-t", CareTaskKind.SATISFACTION_FOLLOW_UP, nine.plus(Duration.ofDays(2)), ANNA)
                    .taskCompleted("dup-t", CareTaskKind.SATISFACTION_FOLLOW_UP, ANNA, nine.plus(Duration.ofDays(2)));
        }
        inOrder.project();
        List<DomainEventMessage<?>> delivery = new ArrayList<>(shuffled.recorded);
        delivery.addAll(shuffled.recorded);
        Collections.shuffle(delivery, new Random(42));
        shuffled.deliver(delivery).deliver(shuffled.recorded);

        for (String id : List.of("dup-1", "dup-rf", "dup-s", "dup-t")) {
            assertThat(shuffled.index.get(shuffled.index.readAlias(), id))
                    .as(id).isEqualTo(inOrder.index.get(inOrder.index.readAlias(), id)).isPresent();
        }
        assertThat(shuffled.metrics(march(9), march(16), Granularity.WEEK))
                .isEqualTo(inOrder.metrics(march(9), march(16), Granularity.WEEK));
        assertThat(shuffled.staff(march(9), march(16))).isEqualTo(inOrder.staff(march(9), march(16)));
    }

    @Test
    void storeChannelCategoryAndStaffSlices() throws IOException {
        MetricsWorld world = world();
        Instant nine = march(10).plus(Duration.ofHours(9));
        StoreId other = StoreId.of("BJ-001");
        world.filed("sl-1", nine, Severity.LEVEL_1, ComplaintCategory.PRICE_DISPUTE, MetricsWorld.STORE, Channel.APP, "c-1")
                .acknowledged("sl-1", Duration.ofMinutes(10), ANNA, true)
                .filed("sl-2", nine, Severity.LEVEL_2, ComplaintCategory.DELIVERY, MetricsWorld.STORE, Channel.HOTLINE, "c-2")
                .acknowledged("sl-2", Duration.ofMinutes(20), BO, true)
                .filed("sl-3", nine, Severity.LEVEL_2, ComplaintCategory.DELIVERY, other, Channel.HOTLINE, "c-3")
                .acknowledged("sl-3", Duration.ofMinutes(40), BO, true)
                .survey("c-2", "sl-s2", new SurveySubject(SurveySubject.Kind.CASE, "sl-2"), 2, null,
                        nine.plus(Duration.ofHours(5)))
                .survey("c-3", "sl-s3", new SurveySubject(SurveySubject.Kind.CASE, "sl-3"), 4, null,
                        nine.plus(Duration.ofHours(5)))
                .project();

        assertThat(slice(world, Set.of(MetricsWorld.STORE), null, null, null).complaintsFiled()).isEqualTo(2);
        assertThat(slice(world, Set.of(MetricsWorld.STORE, other), null, null, null).complaintsFiled()).isEqualTo(3);
        assertThat(slice(world, Set.of(), null, null, null).complaintsFiled()).as("a region without stores").isZero();
        MetricsBucket hotline = slice(world, null, Channel.HOTLINE, null, null);
        assertThat(hotline.complaintsFiled()).isEqualTo(2);
        assertThat(hotline.avgFirstResponseMinutes()).isEqualTo(30.0);
        assertThat(hotline.csatAverage()).as("surveys about hotline complaints").isEqualTo(3.0);
        assertThat(slice(world, Set.of(other), null, ComplaintCategory.DELIVERY, null).csatAverage()).isEqualTo(4.0);
        assertThat(slice(world, null, null, ComplaintCategory.PRICE_DISPUTE, null).complaintsFiled()).isEqualTo(1);
        MetricsBucket bo = slice(world, null, null, null, BO);
        assertThat(bo.complaintsFiled()).isEqualTo(2);
        assertThat(bo.csatAverage()).isEqualTo(3.0);
        assertThat(bo.refundsCount()).isNull();
    }

    private static MetricsBucket slice(MetricsWorld world, Set<StoreId> stores, Channel channel,
                                       ComplaintCategory category, StaffId staff) {
        return world.metrics(new GetServiceMetrics(march(10), march(11), Granularity.DAY, stores, channel, category,
                staff)).get(0);
    }

    @Test
    void staffPerformanceCountsOwnedComplaintsFollowUpsAndTheirCustomersSatisfaction() throws IOException {
        MetricsWorld world = world();
        Instant nine = march(10).plus(Duration.ofHours(9));
        world.filed("sp-1", nine, Severity.LEVEL_1, ComplaintCategory.PRICE_DISPUTE)
                .acknowledged("sp-1", Duration.ofMinutes(10), ANNA, true)
                .resolved("sp-1", Duration.ofHours(1), true)
                .filed("sp-2", nine, Severity.LEVEL_1, ComplaintCategory.PRICE_DISPUTE)
                .acknowledged("sp-2", Duration.ofMinutes(30), ANNA, true)
                .resolved("sp-2", Duration.ofHours(1), false)
                .filed("sp-3", nine, Severity.LEVEL_1, ComplaintCategory.PRICE_DISPUTE)
                .acknowledged("sp-3", Duration.ofMinutes(5), BO, true)
                .survey("c-sp-1", "sp-s1", new SurveySubject(SurveySubject.Kind.CASE, "sp-1"), 5, 10,
                        nine.plus(Duration.ofDays(2)))
                .survey("c-sp-2", "sp-s2", new SurveySubject(SurveySubject.Kind.CASE, "sp-2"), 2, 3,
                        nine.plus(Duration.ofDays(2)))
                // Anna: three follow-ups due, two done (one of them by Bo), one skipped that does not count.
                .task("sp-t1", CareTaskKind.SATISFACTION_FOLLOW_UP, nine.plus(Duration.ofDays(2)), ANNA)
                .taskCompleted("sp-t1", CareTaskKind.SATISFACTION_FOLLOW_UP, ANNA, nine.plus(Duration.ofDays(2)))
                .task("sp-t2", CareTaskKind.CALLBACK, nine.plus(Duration.ofDays(3)), ANNA)
                .taskCompleted("sp-t2", CareTaskKind.CALLBACK, BO, nine.plus(Duration.ofDays(3)))
                .task("sp-t3", CareTaskKind.SATISFACTION_FOLLOW_UP, nine.plus(Duration.ofDays(3)), ANNA)
                .taskSkipped("sp-t4", CareTaskKind.SATISFACTION_FOLLOW_UP, nine, ANNA)
                // A message is care, not a follow-up call.
                .task("sp-t5", CareTaskKind.BIRTHDAY_MESSAGE, nine.plus(Duration.ofDays(3)), ANNA)
                .taskCompleted("sp-t5", CareTaskKind.BIRTHDAY_MESSAGE, ANNA, nine.plus(Duration.ofDays(3)))
                .project();

        List<StaffMetrics> staff = world.staff(march(9), march(16));

        assertThat(staff).containsExactly(
                new StaffMetrics(ANNA, 2, 20.0, 0.5, 3, 2, 0.666667, 1, 3.5, 2),
                new StaffMetrics(BO, 1, 5.0, null, 0, 0, null, 1, null, 0));
        assertThat(world.staff(march(20), march(21))).isEmpty();
    }

    @Test
    void reversedEmptyAndOverlongRangesAreRefusedBeforeReachingElasticsearch() {
        assertThatThrownBy(() -> new GetServiceMetrics(march(11), march(10), Granularity.DAY, null, null, null, null))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("to must be after from");
        assertThatThrownBy(() -> new GetServiceMetrics(march(10), march(10), Granularity.DAY, null, null, null, null))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new GetServiceMetrics(march(1), march(1).plus(Duration.ofDays(401)), Granularity.DAY,
                null, null, null, null)).isInstanceOf(InvalidValueException.class).hasMessageContaining("at most 400 days");
        assertThatThrownBy(() -> new GetStaffPerformance(march(1), march(1).plus(Duration.ofDays(40 * 366)), null))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new GetServiceMetrics(null, march(1), Granularity.DAY, null, null, null, null))
                .isInstanceOf(InvalidValueException.class).extracting("field").isEqualTo("from");
    }
}
