package io.careledger.command.customer;

import static io.careledger.command.customer.CustomerTestData.CARE;
import static io.careledger.command.customer.CustomerTestData.CLERK;
import static io.careledger.command.customer.CustomerTestData.ID;
import static io.careledger.command.customer.CustomerTestData.MEMBERSHIP;
import static io.careledger.command.customer.CustomerTestData.MEMBERSHIP_VERSION;
import static io.careledger.command.customer.CustomerTestData.NOW;
import static io.careledger.command.customer.CustomerTestData.REGISTERED_AT;
import static io.careledger.command.customer.CustomerTestData.earlierPurchase;
import static io.careledger.command.customer.CustomerTestData.purchase;
import static io.careledger.command.customer.CustomerTestData.register;
import static io.careledger.command.customer.CustomerTestData.registered;
import static org.assertj.core.api.Assertions.assertThat;

import io.careledger.api.common.StaffId;
import io.careledger.api.customer.BirthdayApproaching;
import io.careledger.api.customer.CustomerBecameDormant;
import io.careledger.api.customer.CustomerProfileUpdated;
import io.careledger.api.customer.UpdateCustomerProfile;
import io.careledger.command.customer.policy.MembershipPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The two deadlines on a customer's file. The care zone is Asia/Shanghai (UTC+8), so a local day starts at 16:00
 * UTC the evening before.
 */
class CustomerDeadlinesTest {

    private static final LocalDate BORN = LocalDate.parse("1990-04-30");
    /** Seven days before 30 April 2026, at the start of the day in Shanghai. */
    private static final Instant NOTICE_2026 = Instant.parse("2026-04-22T16:00:00Z");
    private static final Instant NOTICE_2027 = Instant.parse("2027-04-22T16:00:00Z");
    private static final BirthdayDeadline DEADLINE_2026 =
            new BirthdayDeadline(BORN, LocalDate.parse("2026-04-30"));
    private static final Duration DORMANCY = MEMBERSHIP.dormancyPeriod();

    private AggregateTestFixture<CustomerAggregate> fixture;

    @BeforeEach
    void newFixture() {
        fixture = CustomerTestData.newFixture();
    }

    private static UpdateCustomerProfile changeBirthday(LocalDate birthday) {
        return new UpdateCustomerProfile(ID, null, null, null, null, birthday, null, null, null, null, CLERK);
    }

    private static CustomerProfileUpdated birthdayChanged(LocalDate birthday) {
        return new CustomerProfileUpdated(ID, null, null, null, null, birthday, null, null, null, null, CLERK, NOW);
    }

    private static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Nested
    class Birthdays {

        @Test
        void registrationPlansTheNoticeAtTheStartOfTheLocalDayLeadDaysAhead() {
            fixture.givenCurrentTime(NOW)
                    .when(register(BORN))
                    .expectScheduledDeadline(NOTICE_2026, DEADLINE_2026);
        }

        @Test
        void announcesTheBirthdayAndPlansNextYearsNotice() {
            fixture.givenCurrentTime(NOW).andGivenCommands(register(BORN))
                    .whenThenTimeAdvancesTo(NOTICE_2026)
                    .expectTriggeredDeadlines(DEADLINE_2026)
                    .expectEvents(new BirthdayApproaching(ID, LocalDate.parse("2026-04-30"), 7, StaffId.SYSTEM,
                            NOTICE_2026))
                    .expectScheduledDeadline(NOTICE_2027, new BirthdayDeadline(BORN, LocalDate.parse("2027-04-30")));
        }

        @Test
        void announcesNothingBeforeTheNotice() {
            fixture.givenCurrentTime(NOW).andGivenCommands(register(BORN))
                    .whenThenTimeAdvancesTo(NOTICE_2026.minusSeconds(1))
                    .expectNoEvents()
                    .expectScheduledDeadline(NOTICE_2026, DEADLINE_2026);
        }

        /** Registered within the lead time, the birthday is announced at once with the days actually left. */
        @ParameterizedTest(name = "born {0}: {1} days away")
        @CsvSource({"1990-03-05, 3", "1990-03-02, 0", "1990-03-09, 7"})
        void aBirthdayInsideTheLeadTimeIsAnnouncedAtOnce(LocalDate born, int daysAway) {
            LocalDate birthday = born.withYear(2026);
            fixture.givenCurrentTime(NOW).andGivenCommands(register(born))
                    .whenThenTimeElapses(Duration.ofSeconds(1))
                    .expectEvents(new BirthdayApproaching(ID, birthday, daysAway, StaffId.SYSTEM, NOW));
        }

        @Test
        void aBirthdayPassedThisYearIsNoticedNextYear() {
            fixture.givenCurrentTime(NOW)
                    .when(register(LocalDate.parse("1990-01-15")))
                    .expectScheduledDeadline(Instant.parse("2027-01-07T16:00:00Z"),
                            new BirthdayDeadline(LocalDate.parse("1990-01-15"), LocalDate.parse("2027-01-15")));
        }

        @Test
        void aChangedBirthdayReplansTheNotice() {
            LocalDate corrected = LocalDate.parse("1990-06-15");
            fixture.givenCurrentTime(NOW).andGivenCommands(register(BORN))
                    .when(changeBirthday(corrected))
                    .expectEvents(birthdayChanged(corrected))
                    .expectNoScheduledDeadline(NOTICE_2026, DEADLINE_2026)
                    .expectScheduledDeadline(Instant.parse("2026-06-07T16:00:00Z"),
                            new BirthdayDeadline(corrected, LocalDate.parse("2026-06-15")));
        }

        @Test
        void aBirthdayGivenLaterIsWatchedFromThen() {
            fixture.givenCurrentTime(NOW).andGivenCommands(register(null))
                    .when(changeBirthday(BORN))
                    .expectScheduledDeadline(NOTICE_2026, DEADLINE_2026);
        }

        @Test
        void aCorrectedYearOfBirthDoesNotAnnounceTheSameBirthdayAgain() {
            LocalDate sameDayOtherYear = LocalDate.parse("1991-04-30");
            fixture.givenCurrentTime(NOW).andGivenCommands(register(BORN))
                    .andGiven(new BirthdayApproaching(ID, LocalDate.parse("2026-04-30"), 7, StaffId.SYSTEM, NOW))
                    .when(changeBirthday(sameDayOtherYear))
                    .expectScheduledDeadline(NOTICE_2027,
                            new BirthdayDeadline(sameDayOtherYear, LocalDate.parse("2027-04-30")));
        }

        /** The correction's cancellation lost a race with the old notice: the old one must not announce. */
        @Test
        void ignoresANoticePlannedFromABirthdayCorrectedSince() {
            fixture.givenCurrentTime(NOW).andGivenCommands(register(BORN))
                    .andGiven(birthdayChanged(LocalDate.parse("1990-06-15")))
                    .whenThenTimeAdvancesTo(NOTICE_2026)
                    .expectTriggeredDeadlines(DEADLINE_2026)
                    .expectNoEvents();
        }

        @Test
        void announcesABirthdayOnce() {
            fixture.givenCurrentTime(NOW).andGivenCommands(register(BORN))
                    .andGiven(new BirthdayApproaching(ID, LocalDate.parse("2026-04-30"), 7, StaffId.SYSTEM, NOW))
                    .whenThenTimeAdvancesTo(NOTICE_2026)
                    .expectTriggeredDeadlines(DEADLINE_2026)
                    .expectNoEvents();
        }

        /** The scheduler was down over the birthday: no belated announcement, but next year's is planned. */
        @Test
        void aNoticeFiringAfterTheBirthdayAnnouncesNothingAndPlansNextYear() {
            StubDeadlineManager deadlines = new StubDeadlineManager(NOW);
            fixture.givenCurrentTime(NOW).andGiven(registered(BORN))
                    .whenInvoking(ID.value(), customer -> customer.onBirthdayDeadline(DEADLINE_2026, MEMBERSHIP,
                            CARE, deadlines, clockAt(Instant.parse("2026-05-03T02:00:00Z"))))
                    .expectNoEvents();
            assertThat(deadlines.getScheduledDeadlines()).singleElement().satisfies(planned -> {
                assertThat(planned.getScheduleTime()).isEqualTo(NOTICE_2027);
                assertThat(planned.deadlineMessage()).extracting(DeadlineMessage::getPayload)
                        .isEqualTo(new BirthdayDeadline(BORN, LocalDate.parse("2027-04-30")));
            });
        }

        @ParameterizedTest(name = "born {0}, today {1}: next birthday {2}")
        @CsvSource({
                "2000-02-29, 2026-03-02, 2027-02-28",
                "2000-02-29, 2027-12-31, 2028-02-29",
                "1990-03-02, 2026-03-02, 2026-03-02",
                "1990-03-01, 2026-03-02, 2027-03-01",
                "1990-12-31, 2026-12-31, 2026-12-31"})
        void findsTheNextBirthdayEvenForTheTwentyNinthOfFebruary(LocalDate born, LocalDate today, LocalDate next) {
            assertThat(CustomerAggregate.nextBirthday(born, today, null)).isEqualTo(next);
        }

        @Test
        void skipsABirthdayAnnouncedAlready() {
            assertThat(CustomerAggregate.nextBirthday(BORN, LocalDate.parse("2026-04-25"),
                    LocalDate.parse("2026-04-30"))).isEqualTo(LocalDate.parse("2027-04-30"));
        }
    }

    @Nested
    class Dormancy {

        @Test
        void aMemberWhoNeverBuysBecomesDormantAfterThePeriod() {
            fixture.givenCurrentTime(NOW).andGivenCommands(register(null))
                    .whenThenTimeElapses(DORMANCY)
                    .expectEvents(new CustomerBecameDormant(ID, null, DORMANCY, MEMBERSHIP_VERSION, StaffId.SYSTEM,
                            NOW.plus(DORMANCY)));
        }

        @Test
        void notASecondEarlier() {
            fixture.givenCurrentTime(NOW).andGivenCommands(register(null))
                    .whenThenTimeElapses(DORMANCY.minusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void aLaterPurchaseReplansTheWatchFromWhenItWasMade() {
            Instant earlier = NOW.minus(Duration.ofDays(2));
            Instant later = NOW.minus(Duration.ofDays(1));
            fixture.givenCurrentTime(NOW).andGiven(registered())
                    .andGivenCommands(purchase("order-1", earlier, "100"))
                    .when(purchase("order-2", later, "100"))
                    .expectNoScheduledDeadline(earlier.plus(DORMANCY), new DormancyDeadline(earlier))
                    .expectScheduledDeadline(later.plus(DORMANCY), new DormancyDeadline(later));
        }

        @Test
        void aCustomerWhoStoppedBuyingBecomesDormantAfterThePeriod() {
            Instant purchasedAt = NOW.minus(Duration.ofDays(1));
            fixture.givenCurrentTime(NOW).andGiven(registered())
                    .andGivenCommands(purchase("order-1", purchasedAt, "100"))
                    .whenThenTimeAdvancesTo(purchasedAt.plus(DORMANCY))
                    .expectTriggeredDeadlines(new DormancyDeadline(purchasedAt))
                    .expectEvents(new CustomerBecameDormant(ID, purchasedAt, DORMANCY, MEMBERSHIP_VERSION,
                            StaffId.SYSTEM, purchasedAt.plus(DORMANCY)));
        }

        @Test
        void aPurchaseRecordedLateDoesNotMoveTheWatchBack() {
            Instant latest = NOW.minus(Duration.ofDays(1));
            Instant older = NOW.minus(Duration.ofDays(8));
            fixture.givenCurrentTime(NOW).andGiven(registered())
                    .andGivenCommands(purchase("order-2", latest, "100"))
                    .when(purchase("order-1", older, "100"))
                    .expectScheduledDeadline(latest.plus(DORMANCY), new DormancyDeadline(latest))
                    .expectNoScheduledDeadline(older.plus(DORMANCY), new DormancyDeadline(older));
        }

        @Test
        void aPurchaseMadeBeforeRegistrationDoesNotMoveTheWatch() {
            Instant beforeRegistration = NOW.minus(Duration.ofDays(10));
            fixture.givenCurrentTime(NOW).andGivenCommands(register(null))
                    .when(purchase("order-1", beforeRegistration, "100"))
                    .expectScheduledDeadline(NOW.plus(DORMANCY), new DormancyDeadline(NOW))
                    .expectNoScheduledDeadline(beforeRegistration.plus(DORMANCY),
                            new DormancyDeadline(beforeRegistration));
        }

        /** The cancellation lost a race with the old deadline: a later purchase makes it stale. */
        @Test
        void ignoresADeadlinePlannedBeforeALaterPurchase() {
            fixture.givenCurrentTime(NOW).andGivenCommands(register(null))
                    .andGiven(earlierPurchase("order-1", NOW.plus(Duration.ofDays(5)), "100", "100.00", 100))
                    .whenThenTimeElapses(DORMANCY)
                    .expectTriggeredDeadlines(new DormancyDeadline(NOW))
                    .expectNoEvents();
        }

        @Test
        void becomesDormantOncePerLastActivity() {
            fixture.givenCurrentTime(NOW).andGivenCommands(register(null))
                    .andGiven(new CustomerBecameDormant(ID, null, DORMANCY, MEMBERSHIP_VERSION, StaffId.SYSTEM, NOW))
                    .whenThenTimeElapses(DORMANCY)
                    .expectNoEvents();
        }

        @Test
        void aLengthenedPeriodReplansInsteadOfDeclaringDormancyEarly() {
            MembershipPolicy longer = new MembershipPolicy("membership-2026.2", "CNY", 1,
                    MEMBERSHIP.tierMultipliers(), MEMBERSHIP.spendMilestones(), Duration.ofDays(360), 7);
            StubDeadlineManager deadlines = new StubDeadlineManager(NOW);
            fixture.givenCurrentTime(NOW).andGiven(registered())
                    .whenInvoking(ID.value(), customer -> customer.onDormancyDeadline(
                            new DormancyDeadline(REGISTERED_AT), longer, deadlines,
                            clockAt(REGISTERED_AT.plus(DORMANCY))))
                    .expectNoEvents();
            assertThat(deadlines.getScheduledDeadlines()).singleElement().satisfies(planned -> {
                assertThat(planned.getScheduleTime()).isEqualTo(REGISTERED_AT.plus(Duration.ofDays(360)));
                assertThat(planned.deadlineMessage()).extracting(DeadlineMessage::getPayload)
                        .isEqualTo(new DormancyDeadline(REGISTERED_AT));
            });
        }
    }
}
