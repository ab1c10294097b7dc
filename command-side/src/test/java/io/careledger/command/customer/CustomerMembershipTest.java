package io.careledger.command.customer;

import static io.careledger.api.error.ErrorCode.ALREADY_EXISTS;
import static io.careledger.api.error.ErrorCode.INSUFFICIENT_POINTS;
import static io.careledger.api.error.ErrorCode.INVALID_INPUT;
import static io.careledger.api.error.ErrorCode.INVALID_TRANSITION;
import static io.careledger.command.customer.CustomerTestData.CLERK;
import static io.careledger.command.customer.CustomerTestData.ID;
import static io.careledger.command.customer.CustomerTestData.MEMBERSHIP;
import static io.careledger.command.customer.CustomerTestData.MEMBERSHIP_VERSION;
import static io.careledger.command.customer.CustomerTestData.NOW;
import static io.careledger.command.customer.CustomerTestData.STORE;
import static io.careledger.command.customer.CustomerTestData.SUPERVISOR;
import static io.careledger.command.customer.CustomerTestData.TIERS_VERSION;
import static io.careledger.command.customer.CustomerTestData.cny;
import static io.careledger.command.customer.CustomerTestData.earlierPurchase;
import static io.careledger.command.customer.CustomerTestData.line;
import static io.careledger.command.customer.CustomerTestData.purchase;
import static io.careledger.command.customer.CustomerTestData.purchased;
import static io.careledger.command.customer.CustomerTestData.registered;
import static io.careledger.command.customer.CustomerTestData.upgradedByHand;
import static io.careledger.command.support.Rejections.rejectedWith;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.careledger.api.common.Channel;
import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.customer.PointsRedeemed;
import io.careledger.api.customer.PurchaseLine;
import io.careledger.api.customer.PurchaseRecorded;
import io.careledger.api.customer.RecordPurchase;
import io.careledger.api.customer.RedeemPoints;
import io.careledger.api.customer.ReviewTier;
import io.careledger.api.customer.SpendMilestoneReached;
import io.careledger.api.customer.Tier;
import io.careledger.api.customer.TierRetained;
import io.careledger.api.customer.UpgradeVip;
import io.careledger.api.customer.VipDowngraded;
import io.careledger.api.customer.VipUpgraded;
import io.careledger.api.error.ErrorCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Purchases, points, tiers and milestones (DOMAIN.md §2) under the default membership and tier policies. */
class CustomerMembershipTest {

    private static final Duration YEAR = Duration.ofDays(365);
    /** Cumulative spend past every milestone, for tests about something else. */
    private static final String PAST_ALL_MILESTONES = "500000.00";

    private AggregateTestFixture<CustomerAggregate> fixture;

    @BeforeEach
    void newFixture() {
        fixture = CustomerTestData.newFixture();
    }

    private TestExecutor<CustomerAggregate> givenCustomer(Object... moreEvents) {
        return fixture.givenCurrentTime(NOW).andGiven(registered()).andGiven(moreEvents);
    }

    /** The registered customer, at {@code tier} by a supervisor's hand, plus {@code moreEvents}. */
    private TestExecutor<CustomerAggregate> givenCustomerAt(Tier tier, Object... moreEvents) {
        TestExecutor<CustomerAggregate> given = givenCustomer();
        if (tier != Tier.MEMBER) {
            given = given.andGiven(upgradedByHand(Tier.MEMBER, tier));
        }
        return given.andGiven(moreEvents);
    }

    private static void expectRejected(ResultValidator<CustomerAggregate> result, ErrorCode code, String field) {
        result.expectException(rejectedWith(code, field)).expectNoEvents();
    }

    private static VipUpgraded automaticUpgrade(Tier from, Tier to, String qualifyingSpend) {
        return new VipUpgraded(ID, from, to, true, TIERS_VERSION, cny(qualifyingSpend), null, StaffId.SYSTEM, NOW);
    }

    private static SpendMilestoneReached milestone(String milestone, String cumulative, String orderId) {
        return new SpendMilestoneReached(ID, cny(milestone), cny(cumulative), OrderId.of(orderId),
                MEMBERSHIP_VERSION, StaffId.SYSTEM, NOW);
    }

    @Nested
    class RecordingPurchases {

        @Test
        void recordsTheExactTotalWithPointsSpendAndThePolicyVersion() {
            Instant purchasedAt = NOW.minus(Duration.ofHours(1));
            List<PurchaseLine> lines = List.of(
                    new PurchaseLine("SKU-1", "apparel", 2, cny("199.90")),
                    new PurchaseLine("SKU-2", "garment care", 3, cny("33.4")));
            givenCustomer()
                    .when(new RecordPurchase(ID, OrderId.of("order-1"), STORE, Channel.APP, lines, purchasedAt, CLERK))
                    .expectEvents(new PurchaseRecorded(ID, OrderId.of("order-1"), STORE, Channel.APP, lines,
                            cny("500.00"), purchasedAt, 500, 500, cny("500.00"), cny("500.00"), MEMBERSHIP_VERSION,
                            CLERK, NOW))
                    .expectScheduledDeadline(purchasedAt.plus(MEMBERSHIP.dormancyPeriod()),
                            new DormancyDeadline(purchasedAt));
        }

        @Test
        void addsToTheBalanceAndTheCumulativeSpend() {
            givenCustomer(earlierPurchase("order-0", NOW.minus(Duration.ofDays(3)), "120.00", "120.00", 120))
                    .when(purchase("order-1", NOW, "80.50"))
                    .expectEvents(purchased("order-1", NOW, "80.50", 80, 200, "200.50", "200.50"));
        }

        /** One point per whole yuan, times the tier's multiplier (1, 1.2, 1.5, 2), fractions dropped. */
        @ParameterizedTest(name = "{1} at {0} earns {2}")
        @CsvSource({
                "MEMBER,   99.99,  99",
                "SILVER,   99.99, 118",
                "GOLD,     99.99, 148",
                "PLATINUM, 99.99, 198",
                "MEMBER,    0.99,   0",
                "GOLD,      1.00,   1"})
        void earnsPointsAtTheTierTheCustomerHadWhenBuying(Tier tier, String amount, long points) {
            givenCustomerAt(tier)
                    .when(purchase("order-1", NOW, amount))
                    .expectEvents(purchased("order-1", NOW, amount, points, points, amount, amount));
        }

        @Test
        void refusesAnOrderRecordedAlreadyAndCountsNothingTwice() {
            expectRejected(givenCustomer(earlierPurchase("order-1", NOW.minus(Duration.ofDays(1)), "100", "100", 100))
                    .when(purchase("order-1", NOW, "100")), ALREADY_EXISTS, "orderId");
        }

        @Test
        void acceptsAPurchaseMadeJustNow() {
            givenCustomer().when(purchase("order-1", NOW, "10")).expectSuccessfulHandlerExecution();
        }

        private static RecordPurchase withLines(List<PurchaseLine> lines) {
            return new RecordPurchase(ID, OrderId.of("order-1"), STORE, Channel.STORE_DESK, lines, NOW, CLERK);
        }

        private static RecordPurchase withLine(String sku, String category, int quantity, Money unitPrice) {
            return withLines(List.of(line("10.00"), new PurchaseLine(sku, category, quantity, unitPrice)));
        }

        static Stream<Arguments> invalidPurchases() {
            Money price = cny("10.00");
            return Stream.of(
                    arguments(new RecordPurchase(ID, null, STORE, Channel.APP, List.of(line("1")), NOW, CLERK), "orderId"),
                    arguments(new RecordPurchase(ID, OrderId.of("o-1"), null, Channel.APP, List.of(line("1")), NOW, CLERK), "storeId"),
                    arguments(new RecordPurchase(ID, OrderId.of("o-1"), STORE, null, List.of(line("1")), NOW, CLERK), "channel"),
                    arguments(withLines(null), "lines"),
                    arguments(withLines(List.of()), "lines"),
                    arguments(withLines(Collections.nCopies(201, line("1"))), "lines"),
                    arguments(withLines(Arrays.asList(line("1"), null)), "lines[1]"),
                    arguments(withLine(null, "apparel", 1, price), "lines[1].sku"),
                    arguments(withLine(" ", "apparel", 1, price), "lines[1].sku"),
                    arguments(withLine("s".repeat(65), "apparel", 1, price), "lines[1].sku"),
                    arguments(withLine("SKU-1", null, 1, price), "lines[1].category"),
                    arguments(withLine("SKU-1", "c".repeat(65), 1, price), "lines[1].category"),
                    arguments(withLine("SKU-1", "apparel", 0, price), "lines[1].quantity"),
                    arguments(withLine("SKU-1", "apparel", 10_001, price), "lines[1].quantity"),
                    arguments(withLine("SKU-1", "apparel", 1, null), "lines[1].unitPrice"),
                    arguments(withLine("SKU-1", "apparel", 1, cny("0")), "lines[1].unitPrice"),
                    arguments(withLine("SKU-1", "apparel", 1, Money.of("10.00", "USD")), "lines[1].unitPrice"),
                    arguments(new RecordPurchase(ID, OrderId.of("o-1"), STORE, Channel.APP, List.of(line("1")), null, CLERK), "purchasedAt"),
                    arguments(new RecordPurchase(ID, OrderId.of("o-1"), STORE, Channel.APP, List.of(line("1")), NOW.plusSeconds(1), CLERK), "purchasedAt"),
                    arguments(new RecordPurchase(ID, OrderId.of("o-1"), STORE, Channel.APP, List.of(line("1")), NOW, null), "actor"));
        }

        @ParameterizedTest(name = "[{index}] {1}")
        @MethodSource("invalidPurchases")
        void refusesInvalidInput(RecordPurchase command, String field) {
            expectRejected(givenCustomer().when(command), INVALID_INPUT, field);
        }

        @Test
        void acceptsTheLargestPurchaseItAllows() {
            List<PurchaseLine> lines = new ArrayList<>(Collections.nCopies(199, line("1")));
            lines.add(new PurchaseLine("s".repeat(64), "c".repeat(64), 10_000, cny("0.01")));
            givenCustomer().when(withLines(lines)).expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class UpgradingAutomatically {

        /**
         * Just below, at and just above each threshold (5,000 / 20,000 / 50,000): an earlier purchase of
         * threshold - 1.00 and one of 0.99, 1.00 or 1.01 now. The threshold is reached when spend equals it.
         */
        @ParameterizedTest(name = "{0} at {1}: {3} + {4}")
        @CsvSource({
                "MEMBER, SILVER,   false,  4999.00, 0.99",
                "MEMBER, SILVER,   true,   4999.00, 1.00",
                "MEMBER, SILVER,   true,   4999.00, 1.01",
                "SILVER, GOLD,     false, 19999.00, 0.99",
                "SILVER, GOLD,     true,  19999.00, 1.00",
                "SILVER, GOLD,     true,  19999.00, 1.01",
                "GOLD,   PLATINUM, false, 49999.00, 0.99",
                "GOLD,   PLATINUM, true,  49999.00, 1.00",
                "GOLD,   PLATINUM, true,  49999.00, 1.01"})
        void upgradesWhenTheRollingSpendReachesTheNextThreshold(Tier from, Tier to, boolean upgraded,
                                                                String earlier, String amount) {
            String rolling = new BigDecimal(earlier).add(new BigDecimal(amount)).toPlainString();
            String cumulative = new BigDecimal(PAST_ALL_MILESTONES).add(new BigDecimal(amount)).toPlainString();
            long points = amount.equals("0.99") ? 0 : 1;
            PurchaseRecorded recorded = purchased("order-1", NOW, amount, points, points, cumulative, rolling);
            ResultValidator<CustomerAggregate> result = givenCustomerAt(from,
                    earlierPurchase("order-0", NOW.minus(Duration.ofDays(30)), earlier, PAST_ALL_MILESTONES, 0))
                    .when(purchase("order-1", NOW, amount));
            if (upgraded) {
                result.expectEvents(recorded, automaticUpgrade(from, to, rolling));
            } else {
                result.expectEvents(recorded);
            }
        }

        @Test
        void skipsTiersWhenOnePurchaseQualifiesForSeveral() {
            givenCustomer()
                    .when(purchase("order-1", NOW, "20000"))
                    .expectEvents(purchased("order-1", NOW, "20000", 20000, 20000, "20000.00", "20000.00"),
                            automaticUpgrade(Tier.MEMBER, Tier.GOLD, "20000.00"),
                            milestone("10000.00", "20000.00", "order-1"));
        }

        @Test
        void neverDowngradesOnAPurchase() {
            givenCustomerAt(Tier.GOLD)
                    .when(purchase("order-1", NOW, "10"))
                    .expectEvents(purchased("order-1", NOW, "10", 15, 15, "10.00", "10.00"));
        }

        /** The window holds purchases after its start, so one exactly 365 days old has dropped out. */
        @ParameterizedTest(name = "earlier purchase {0} before: upgraded {1}")
        @CsvSource({"P365D, false", "PT8759H59M59S, true"})
        void countsOnlyPurchasesInsideTheRollingWindow(Duration age, boolean upgraded) {
            ResultValidator<CustomerAggregate> result = givenCustomer(
                    earlierPurchase("order-0", NOW.minus(age), "4000", PAST_ALL_MILESTONES, 0))
                    .when(purchase("order-1", NOW, "1000"));
            String cumulative = "501000.00";
            if (upgraded) {
                result.expectEvents(purchased("order-1", NOW, "1000", 1000, 1000, cumulative, "5000.00"),
                        automaticUpgrade(Tier.MEMBER, Tier.SILVER, "5000.00"));
            } else {
                result.expectEvents(purchased("order-1", NOW, "1000", 1000, 1000, cumulative, "1000.00"));
            }
        }

        /**
         * Recorded late, a purchase is judged by the window ending when it was made: a purchase made after it
         * (though recorded before it) does not count, so the two together do not upgrade here.
         */
        @Test
        void judgesAPurchaseRecordedLateByTheWindowEndingWhenItWasMade() {
            Instant lastMonth = NOW.minus(Duration.ofDays(30));
            givenCustomer(earlierPurchase("order-2", NOW.minus(Duration.ofDays(1)), "4000", "4000.00", 4000))
                    .when(purchase("order-1", lastMonth, "1000"))
                    .expectEvents(purchased("order-1", lastMonth, "1000", 1000, 5000, "5000.00", "1000.00"));
        }

        @Test
        void countsAPurchaseRecordedLateInTheWindowOfALaterPurchase() {
            givenCustomer(earlierPurchase("order-1", NOW.minus(Duration.ofDays(30)), "1000", "1000.00", 1000),
                    earlierPurchase("order-2", NOW.minus(Duration.ofDays(60)), "3000", "4000.00", 4000))
                    .when(purchase("order-3", NOW, "1000"))
                    .expectEvents(purchased("order-3", NOW, "1000", 1000, 5000, "5000.00", "5000.00"),
                            automaticUpgrade(Tier.MEMBER, Tier.SILVER, "5000.00"));
        }
    }

    @Nested
    class ReachingMilestones {

        @Test
        void reachingAMilestoneExactlyCounts() {
            givenCustomer(earlierPurchase("order-0", NOW.minus(YEAR.multipliedBy(2)), "9999", "9999.00", 0))
                    .when(purchase("order-1", NOW, "1"))
                    .expectEvents(purchased("order-1", NOW, "1", 1, 1, "10000.00", "1.00"),
                            milestone("10000.00", "10000.00", "order-1"));
        }

        @Test
        void stoppingJustShortOfAMilestoneDoesNot() {
            givenCustomer(earlierPurchase("order-0", NOW.minus(YEAR.multipliedBy(2)), "9999", "9999.00", 0))
                    .when(purchase("order-1", NOW, "0.99"))
                    .expectEvents(purchased("order-1", NOW, "0.99", 0, 0, "9999.99", "0.99"));
        }

        @Test
        void aMilestonePassedBeforeIsNotReachedAgain() {
            givenCustomer(earlierPurchase("order-0", NOW.minus(YEAR.multipliedBy(2)), "10000", "10000.00", 0))
                    .when(purchase("order-1", NOW, "1"))
                    .expectEvents(purchased("order-1", NOW, "1", 1, 1, "10001.00", "1.00"));
        }

        @Test
        void onePurchaseCanPassSeveralMilestones() {
            givenCustomerAt(Tier.PLATINUM,
                    earlierPurchase("order-0", NOW.minus(YEAR.multipliedBy(2)), "9999", "9999.00", 0))
                    .when(purchase("order-1", NOW, "90001"))
                    .expectEvents(purchased("order-1", NOW, "90001", 180002, 180002, "100000.00", "90001.00"),
                            milestone("10000.00", "100000.00", "order-1"),
                            milestone("50000.00", "100000.00", "order-1"),
                            milestone("100000.00", "100000.00", "order-1"));
        }
    }

    @Nested
    class UpgradingByHand {

        @Test
        void raisesTheTierWithTheSupervisorsReason() {
            givenCustomer()
                    .when(new UpgradeVip(ID, Tier.GOLD, "Hosts our styling workshops", SUPERVISOR))
                    .expectEvents(new VipUpgraded(ID, Tier.MEMBER, Tier.GOLD, false, null, null,
                            "Hosts our styling workshops", SUPERVISOR, NOW));
        }

        @ParameterizedTest
        @CsvSource({"GOLD, GOLD", "GOLD, SILVER", "GOLD, MEMBER", "PLATINUM, PLATINUM"})
        void refusesATierThatIsNotAboveTheCurrentOne(Tier current, Tier requested) {
            expectRejected(givenCustomerAt(current).when(new UpgradeVip(ID, requested, "Because", SUPERVISOR)),
                    INVALID_TRANSITION, "tier");
        }

        static Stream<Arguments> invalidUpgrades() {
            return Stream.of(
                    arguments(new UpgradeVip(ID, null, "Because", SUPERVISOR), "tier"),
                    arguments(new UpgradeVip(ID, Tier.GOLD, null, SUPERVISOR), "reason"),
                    arguments(new UpgradeVip(ID, Tier.GOLD, "  ", SUPERVISOR), "reason"),
                    arguments(new UpgradeVip(ID, Tier.GOLD, "r".repeat(501), SUPERVISOR), "reason"),
                    arguments(new UpgradeVip(ID, Tier.GOLD, "Because", null), "actor"));
        }

        @ParameterizedTest(name = "[{index}] {1}")
        @MethodSource("invalidUpgrades")
        void refusesInvalidInput(UpgradeVip command, String field) {
            expectRejected(givenCustomer().when(command), INVALID_INPUT, field);
        }
    }

    @Nested
    class ReviewingTheTier {

        private final ReviewTier review = new ReviewTier(ID, SUPERVISOR);

        @Test
        void retainsATierTheRollingSpendStillEarns() {
            givenCustomer(earlierPurchase("order-0", NOW.minus(Duration.ofDays(100)), "6000", "6000.00", 6000),
                    new VipUpgraded(ID, Tier.MEMBER, Tier.SILVER, true, TIERS_VERSION, cny("6000.00"), null,
                            StaffId.SYSTEM, NOW.minus(Duration.ofDays(100))))
                    .when(review)
                    .expectEvents(new TierRetained(ID, Tier.SILVER, TIERS_VERSION, cny("6000.00"), SUPERVISOR, NOW));
        }

        @Test
        void downgradesToTheTierTheRollingSpendEarns() {
            givenCustomerAt(Tier.PLATINUM,
                    earlierPurchase("order-0", NOW.minus(Duration.ofDays(100)), "25000", "90000.00", 0))
                    .when(review)
                    .expectEvents(new VipDowngraded(ID, Tier.PLATINUM, Tier.GOLD, TIERS_VERSION, cny("25000.00"),
                            SUPERVISOR, NOW));
        }

        @Test
        void downgradesATierGrantedByHandAboveWhatSpendEarns() {
            givenCustomerAt(Tier.GOLD)
                    .when(review)
                    .expectEvents(new VipDowngraded(ID, Tier.GOLD, Tier.MEMBER, TIERS_VERSION, cny("0.00"),
                            SUPERVISOR, NOW));
        }

        /** The review's window ends at the review: a purchase exactly a year old no longer counts. */
        @ParameterizedTest(name = "purchase {0} before the review")
        @CsvSource({"P365D, false", "PT8759H59M59S, true"})
        void countsThePurchasesInTheWindowEndingAtTheReview(Duration age, boolean retained) {
            ResultValidator<CustomerAggregate> result = givenCustomerAt(Tier.SILVER,
                    earlierPurchase("order-0", NOW.minus(age), "5000", "5000.00", 0))
                    .when(review);
            if (retained) {
                result.expectEvents(new TierRetained(ID, Tier.SILVER, TIERS_VERSION, cny("5000.00"), SUPERVISOR, NOW));
            } else {
                result.expectEvents(new VipDowngraded(ID, Tier.SILVER, Tier.MEMBER, TIERS_VERSION, cny("0.00"),
                        SUPERVISOR, NOW));
            }
        }

        @Test
        void neverUpgrades() {
            givenCustomer(earlierPurchase("order-0", NOW.minus(Duration.ofDays(10)), "6000", "6000.00", 0))
                    .when(review)
                    .expectEvents(new TierRetained(ID, Tier.MEMBER, TIERS_VERSION, cny("6000.00"), SUPERVISOR, NOW));
        }

        @Test
        void refusesAReviewWithoutActor() {
            expectRejected(givenCustomer().when(new ReviewTier(ID, null)), INVALID_INPUT, "actor");
        }
    }

    @Nested
    class RedeemingPoints {

        private TestExecutor<CustomerAggregate> givenBalance(long balance) {
            return givenCustomer(earlierPurchase("order-0", NOW.minus(Duration.ofDays(1)), "1", "1.00", balance));
        }

        @Test
        void spendsPointsFromTheBalance() {
            givenBalance(500)
                    .when(new RedeemPoints(ID, 200, "Scarf", CLERK))
                    .expectEvents(new PointsRedeemed(ID, 200, 300, "Scarf", CLERK, NOW));
        }

        @Test
        void mayEmptyTheBalance() {
            givenBalance(500)
                    .when(new RedeemPoints(ID, 500, null, CLERK))
                    .expectEvents(new PointsRedeemed(ID, 500, 0, null, CLERK, NOW));
        }

        @Test
        void refusesMoreThanTheBalance() {
            expectRejected(givenBalance(500).when(new RedeemPoints(ID, 501, null, CLERK)), INSUFFICIENT_POINTS,
                    "points");
        }

        @Test
        void countsEarlierRedemptions() {
            expectRejected(givenBalance(500).andGiven(new PointsRedeemed(ID, 100, 400, null, CLERK, NOW))
                    .when(new RedeemPoints(ID, 401, null, CLERK)), INSUFFICIENT_POINTS, "points");
        }

        @Test
        void refusesAnyPointsWithoutABalance() {
            expectRejected(givenCustomer().when(new RedeemPoints(ID, 1, null, CLERK)), INSUFFICIENT_POINTS, "points");
        }

        static Stream<Arguments> invalidRedemptions() {
            return Stream.of(
                    arguments(new RedeemPoints(ID, 0, null, CLERK), "points"),
                    arguments(new RedeemPoints(ID, -5, null, CLERK), "points"),
                    arguments(new RedeemPoints(ID, 5, "r".repeat(501), CLERK), "reason"),
                    arguments(new RedeemPoints(ID, 5, null, null), "actor"));
        }

        @ParameterizedTest(name = "[{index}] {1}")
        @MethodSource("invalidRedemptions")
        void refusesInvalidInput(RedeemPoints command, String field) {
            expectRejected(givenBalance(500).when(command), INVALID_INPUT, field);
        }
    }
}
