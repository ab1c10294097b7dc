package io.careledger.command.care;

import static io.careledger.api.customer.ConsentPurpose.DATA_PROCESSING;
import static io.careledger.api.customer.ConsentPurpose.MARKETING_SMS;
import static io.careledger.api.error.ErrorCode.ALREADY_EXISTS;
import static io.careledger.api.error.ErrorCode.INVALID_INPUT;
import static io.careledger.api.error.ErrorCode.INVALID_TRANSITION;
import static io.careledger.api.error.ErrorCode.NOT_FOUND;
import static io.careledger.command.support.Rejections.rejectedWith;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.careledger.api.care.CareOutcome;
import io.careledger.api.care.CareSkipReason;
import io.careledger.api.care.CareTaskCompleted;
import io.careledger.api.care.CareTaskId;
import io.careledger.api.care.CareTaskKind;
import io.careledger.api.care.CareTaskOverdue;
import io.careledger.api.care.CareTaskScheduled;
import io.careledger.api.care.CareTaskSkipped;
import io.careledger.api.care.CompleteCareTask;
import io.careledger.api.care.ScheduleCareTask;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.ContactChannel;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.error.ErrorCode;
import io.careledger.command.care.policy.CareConsentPolicy;
import io.careledger.command.care.policy.ContactPermissions;
import io.careledger.command.support.FixtureClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CareTaskAggregateTest {

    private static final String CONSENT_POLICY = CareConsentPolicy.defaults().version();
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant DUE = NOW.plus(Duration.ofDays(7));
    private static final CareTaskId TASK = CareTaskId.of("task-1");
    private static final StoreId STORE = StoreId.of("store-7");
    private static final StaffId CLERK = StaffId.of("clerk-1");
    private static final StaffId SUPERVISOR = StaffId.of("supervisor-1");
    private static final String REASON = "Follow-up call on order order-1";
    private static final String ORDER = "order-1";

    /** Consents to data processing and SMS marketing, prefers SMS. */
    private static final CustomerId CUSTOMER = CustomerId.of("customer-1");
    private static final CustomerId WITHDREW_DATA_PROCESSING = CustomerId.of("customer-2");
    private static final CustomerId NO_CHANNEL = CustomerId.of("customer-3");
    private static final CustomerId EMAIL_WITHOUT_CONSENT = CustomerId.of("customer-4");
    private static final CustomerId STRANGER = CustomerId.of("customer-unknown");
    private static final Map<CustomerId, ContactPermissions> CUSTOMERS = Map.of(
            CUSTOMER, new ContactPermissions(Set.of(DATA_PROCESSING, MARKETING_SMS), Set.of(), ContactChannel.SMS),
            WITHDREW_DATA_PROCESSING, new ContactPermissions(Set.of(MARKETING_SMS), Set.of(DATA_PROCESSING),
                    ContactChannel.SMS),
            NO_CHANNEL, new ContactPermissions(Set.of(DATA_PROCESSING, MARKETING_SMS), Set.of(), null),
            EMAIL_WITHOUT_CONSENT, new ContactPermissions(Set.of(DATA_PROCESSING), Set.of(), ContactChannel.EMAIL));

    private AggregateTestFixture<CareTaskAggregate> fixture;

    @BeforeEach
    void newFixture() {
        fixture = new AggregateTestFixture<>(CareTaskAggregate.class);
        CustomerContactPermissions permissions = customer -> Optional.ofNullable(CUSTOMERS.get(customer));
        fixture.registerInjectableResources(permissions, CareConsentPolicy.defaults(),
                new FixtureClock(fixture::currentTime));
    }

    private static ScheduleCareTask schedule(CustomerId customer, CareTaskKind kind) {
        return new ScheduleCareTask(TASK, customer, kind, DUE, null, STORE, REASON, ORDER, StaffId.SYSTEM);
    }

    private static CareTaskScheduled scheduled(CareTaskKind kind, Instant dueAt, ContactChannel channel) {
        return new CareTaskScheduled(TASK, CUSTOMER, kind, dueAt, null, STORE, channel, REASON, ORDER, CONSENT_POLICY,
                StaffId.SYSTEM, NOW);
    }

    private TestExecutor<CareTaskAggregate> givenScheduledByCommand(CareTaskKind kind) {
        return fixture.givenCurrentTime(NOW).andGivenCommands(schedule(CUSTOMER, kind));
    }

    private TestExecutor<CareTaskAggregate> givenTask(Object... events) {
        return fixture.givenCurrentTime(NOW).andGiven(events);
    }

    private static void expectRejected(ResultValidator<CareTaskAggregate> result, ErrorCode code, String field) {
        result.expectException(rejectedWith(code, field)).expectNoEvents();
    }

    @Nested
    class Scheduling {

        @ParameterizedTest
        @EnumSource(value = CareTaskKind.class, names = {"PURCHASE_FOLLOW_UP", "SATISFACTION_FOLLOW_UP", "CALLBACK",
                "HOME_VISIT"})
        void schedulesACallOrVisitWithoutChannelAndWatchesItsDueTime(CareTaskKind kind) {
            fixture.givenCurrentTime(NOW)
                    .when(schedule(CUSTOMER, kind))
                    .expectEvents(scheduled(kind, DUE, null))
                    .expectScheduledDeadline(DUE, new OverdueDeadline(DUE));
        }

        @ParameterizedTest
        @EnumSource(value = CareTaskKind.class, names = {"BIRTHDAY_MESSAGE", "RECONNECT_MESSAGE", "THANK_YOU_MESSAGE"})
        void schedulesAMessageOnThePreferredChannel(CareTaskKind kind) {
            fixture.givenCurrentTime(NOW)
                    .when(schedule(CUSTOMER, kind))
                    .expectEvents(scheduled(kind, DUE, ContactChannel.SMS))
                    .expectScheduledDeadline(DUE, new OverdueDeadline(DUE));
        }

        @Test
        void aSupervisorAssignsAHomeVisit() {
            fixture.givenCurrentTime(NOW)
                    .when(new ScheduleCareTask(TASK, CUSTOMER, CareTaskKind.HOME_VISIT, DUE, CLERK, STORE,
                            "Top spender of the region", null, SUPERVISOR))
                    .expectEvents(new CareTaskScheduled(TASK, CUSTOMER, CareTaskKind.HOME_VISIT, DUE, CLERK, STORE,
                            null, "Top spender of the region", null, CONSENT_POLICY, SUPERVISOR, NOW));
        }

        /** A purchase recorded late can make a follow-up due already: it is overdue at once. */
        @Test
        void aDueTimeAlreadyPastMakesTheTaskOverdueAtOnce() {
            Instant past = NOW.minus(Duration.ofHours(1));
            fixture.givenCurrentTime(NOW)
                    .andGivenCommands(new ScheduleCareTask(TASK, CUSTOMER, CareTaskKind.PURCHASE_FOLLOW_UP, past,
                            null, STORE, REASON, ORDER, StaffId.SYSTEM))
                    .whenThenTimeElapses(Duration.ofSeconds(1))
                    .expectEvents(new CareTaskOverdue(TASK, CUSTOMER, CareTaskKind.PURCHASE_FOLLOW_UP, past, null,
                            StaffId.SYSTEM, NOW));
        }

        static Stream<Arguments> skippedTasks() {
            return Stream.of(
                    arguments(WITHDREW_DATA_PROCESSING, CareTaskKind.PURCHASE_FOLLOW_UP,
                            CareSkipReason.DATA_PROCESSING_WITHDRAWN),
                    arguments(WITHDREW_DATA_PROCESSING, CareTaskKind.THANK_YOU_MESSAGE,
                            CareSkipReason.DATA_PROCESSING_WITHDRAWN),
                    arguments(NO_CHANNEL, CareTaskKind.BIRTHDAY_MESSAGE, CareSkipReason.NO_PREFERRED_CHANNEL),
                    arguments(EMAIL_WITHOUT_CONSENT, CareTaskKind.RECONNECT_MESSAGE, CareSkipReason.NO_CONSENT));
        }

        @ParameterizedTest(name = "{0} {1}: {2}")
        @MethodSource("skippedTasks")
        void recordsATaskTheConsentsRuleOutAsSkippedWithoutDeadline(CustomerId customer, CareTaskKind kind,
                                                                   CareSkipReason reason) {
            fixture.givenCurrentTime(NOW)
                    .when(schedule(customer, kind))
                    .expectEvents(new CareTaskSkipped(TASK, customer, kind, reason, null, STORE, REASON, ORDER,
                            CONSENT_POLICY, StaffId.SYSTEM, NOW))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aCallNeedsNoMessagingConsent() {
            fixture.givenCurrentTime(NOW)
                    .when(schedule(EMAIL_WITHOUT_CONSENT, CareTaskKind.PURCHASE_FOLLOW_UP))
                    .expectSuccessfulHandlerExecution()
                    .expectScheduledDeadline(DUE, new OverdueDeadline(DUE));
        }

        @Test
        void refusesATaskIdUsedAlready() {
            expectRejected(givenTask(scheduled(CareTaskKind.PURCHASE_FOLLOW_UP, DUE, null))
                    .when(schedule(CUSTOMER, CareTaskKind.PURCHASE_FOLLOW_UP)), ALREADY_EXISTS, "careTaskId");
        }

        @Test
        void refusesATaskIdUsedAlreadyBySkippedTask() {
            expectRejected(givenTask(new CareTaskSkipped(TASK, NO_CHANNEL, CareTaskKind.BIRTHDAY_MESSAGE,
                    CareSkipReason.NO_PREFERRED_CHANNEL, null, null, null, null, CONSENT_POLICY, StaffId.SYSTEM, NOW))
                    .when(schedule(CUSTOMER, CareTaskKind.BIRTHDAY_MESSAGE)), ALREADY_EXISTS, "careTaskId");
        }

        @Test
        void refusesAnUnknownCustomer() {
            fixture.givenCurrentTime(NOW)
                    .when(schedule(STRANGER, CareTaskKind.PURCHASE_FOLLOW_UP))
                    .expectException(rejectedWith(NOT_FOUND, "customerId"))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        static Stream<Arguments> invalidTasks() {
            CareTaskKind kind = CareTaskKind.PURCHASE_FOLLOW_UP;
            return Stream.of(
                    arguments(new ScheduleCareTask(TASK, null, kind, DUE, null, STORE, REASON, ORDER, StaffId.SYSTEM), "customerId"),
                    arguments(new ScheduleCareTask(TASK, CUSTOMER, null, DUE, null, STORE, REASON, ORDER, StaffId.SYSTEM), "kind"),
                    arguments(new ScheduleCareTask(TASK, CUSTOMER, kind, null, null, STORE, REASON, ORDER, StaffId.SYSTEM), "dueAt"),
                    arguments(new ScheduleCareTask(TASK, CUSTOMER, kind, DUE, null, STORE, "r".repeat(501), ORDER, StaffId.SYSTEM), "reason"),
                    arguments(new ScheduleCareTask(TASK, CUSTOMER, kind, DUE, null, STORE, "bell\u0007", ORDER, StaffId.SYSTEM), "reason"),
                    arguments(new ScheduleCareTask(TASK, CUSTOMER, kind, DUE, null, STORE, REASON, "s".repeat(201), StaffId.SYSTEM), "subjectRef"),
                    arguments(new ScheduleCareTask(TASK, CUSTOMER, kind, DUE, null, STORE, REASON, ORDER, null), "actor"));
        }

        @ParameterizedTest(name = "[{index}] {1}")
        @MethodSource("invalidTasks")
        void refusesInvalidInput(ScheduleCareTask command, String field) {
            fixture.givenCurrentTime(NOW).when(command)
                    .expectException(rejectedWith(INVALID_INPUT, field))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void acceptsTextsAtTheirLimits() {
            fixture.givenCurrentTime(NOW)
                    .when(new ScheduleCareTask(TASK, CUSTOMER, CareTaskKind.CALLBACK, DUE, null, null,
                            "r".repeat(500), "s".repeat(200), StaffId.SYSTEM))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class FallingDue {

        @Test
        void anOpenTaskBecomesOverdueAtItsDueTime() {
            givenScheduledByCommand(CareTaskKind.PURCHASE_FOLLOW_UP)
                    .whenThenTimeAdvancesTo(DUE)
                    .expectTriggeredDeadlines(new OverdueDeadline(DUE))
                    .expectEvents(new CareTaskOverdue(TASK, CUSTOMER, CareTaskKind.PURCHASE_FOLLOW_UP, DUE, null,
                            StaffId.SYSTEM, DUE));
        }

        @Test
        void notASecondEarlier() {
            givenScheduledByCommand(CareTaskKind.PURCHASE_FOLLOW_UP)
                    .whenThenTimeAdvancesTo(DUE.minusSeconds(1))
                    .expectNoEvents();
        }

        @Test
        void aTaskDoneBeforeItsDueTimeNeverFallsDue() {
            givenScheduledByCommand(CareTaskKind.PURCHASE_FOLLOW_UP)
                    .andGivenCommands(new CompleteCareTask(TASK, CareOutcome.REACHED, null, null, CLERK))
                    .whenThenTimeAdvancesTo(DUE.plusSeconds(1))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        /** The completion's cancellation lost a race with the deadline: a done task stays done. */
        @Test
        void ignoresTheDeadlineOfATaskDoneMeanwhile() {
            givenScheduledByCommand(CareTaskKind.PURCHASE_FOLLOW_UP)
                    .andGiven(new CareTaskCompleted(TASK, CUSTOMER, CareTaskKind.PURCHASE_FOLLOW_UP,
                            CareOutcome.NO_ANSWER, null, null, false, CLERK, NOW))
                    .whenThenTimeAdvancesTo(DUE)
                    .expectTriggeredDeadlines(new OverdueDeadline(DUE))
                    .expectNoEvents();
        }
    }

    @Nested
    class Completing {

        @Test
        void recordsWhoDidItAndCancelsTheDueWatch() {
            givenScheduledByCommand(CareTaskKind.PURCHASE_FOLLOW_UP)
                    .when(new CompleteCareTask(TASK, CareOutcome.REACHED, "Fits well; explained wool washing", null,
                            CLERK))
                    .expectEvents(new CareTaskCompleted(TASK, CUSTOMER, CareTaskKind.PURCHASE_FOLLOW_UP,
                            CareOutcome.REACHED, "Fits well; explained wool washing", null, false, CLERK, NOW))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void recordsTheAgreedCallbackTime() {
            Instant callbackAt = NOW.plus(Duration.ofDays(2));
            givenTask(scheduled(CareTaskKind.PURCHASE_FOLLOW_UP, DUE, null))
                    .when(new CompleteCareTask(TASK, CareOutcome.CALLBACK_AGREED, "Asks about dry cleaning",
                            callbackAt, CLERK))
                    .expectEvents(new CareTaskCompleted(TASK, CUSTOMER, CareTaskKind.PURCHASE_FOLLOW_UP,
                            CareOutcome.CALLBACK_AGREED, "Asks about dry cleaning", callbackAt, false, CLERK, NOW));
        }

        @Test
        void aTaskThatFellDueIsCompletedOverdue() {
            givenTask(scheduled(CareTaskKind.BIRTHDAY_MESSAGE, DUE, ContactChannel.SMS),
                    new CareTaskOverdue(TASK, CUSTOMER, CareTaskKind.BIRTHDAY_MESSAGE, DUE, null, StaffId.SYSTEM, DUE))
                    .when(new CompleteCareTask(TASK, CareOutcome.MESSAGE_SENT, null, null, CLERK))
                    .expectEvents(new CareTaskCompleted(TASK, CUSTOMER, CareTaskKind.BIRTHDAY_MESSAGE,
                            CareOutcome.MESSAGE_SENT, null, null, true, CLERK, NOW));
        }

        /** The scheduler polls, so the overdue event may lag: the time decides, not the event. */
        @Test
        void aTaskDonePastItsDueTimeIsOverdueBeforeTheDeadlineFired() {
            Instant due = NOW.minusSeconds(1);
            givenTask(scheduled(CareTaskKind.PURCHASE_FOLLOW_UP, due, null))
                    .when(new CompleteCareTask(TASK, CareOutcome.NO_ANSWER, null, null, CLERK))
                    .expectEvents(new CareTaskCompleted(TASK, CUSTOMER, CareTaskKind.PURCHASE_FOLLOW_UP,
                            CareOutcome.NO_ANSWER, null, null, true, CLERK, NOW));
        }

        @Test
        void exactlyAtTheDueTimeIsInTime() {
            givenTask(scheduled(CareTaskKind.PURCHASE_FOLLOW_UP, NOW, null))
                    .when(new CompleteCareTask(TASK, CareOutcome.REACHED, null, null, CLERK))
                    .expectEvents(new CareTaskCompleted(TASK, CUSTOMER, CareTaskKind.PURCHASE_FOLLOW_UP,
                            CareOutcome.REACHED, null, null, false, CLERK, NOW));
        }

        @Test
        void refusesToCompleteATaskTwice() {
            expectRejected(givenTask(scheduled(CareTaskKind.PURCHASE_FOLLOW_UP, DUE, null),
                    new CareTaskCompleted(TASK, CUSTOMER, CareTaskKind.PURCHASE_FOLLOW_UP, CareOutcome.REACHED, null,
                            null, false, CLERK, NOW))
                    .when(new CompleteCareTask(TASK, CareOutcome.REACHED, null, null, CLERK)), INVALID_TRANSITION, null);
        }

        @Test
        void refusesToCompleteASkippedTask() {
            expectRejected(givenTask(new CareTaskSkipped(TASK, NO_CHANNEL, CareTaskKind.BIRTHDAY_MESSAGE,
                    CareSkipReason.NO_PREFERRED_CHANNEL, null, null, null, null, CONSENT_POLICY, StaffId.SYSTEM, NOW))
                    .when(new CompleteCareTask(TASK, CareOutcome.MESSAGE_SENT, null, null, CLERK)),
                    INVALID_TRANSITION, null);
        }

        static Stream<Arguments> invalidCompletions() {
            return Stream.of(
                    arguments(new CompleteCareTask(TASK, null, null, null, CLERK), "outcome"),
                    arguments(new CompleteCareTask(TASK, CareOutcome.REACHED, "n".repeat(2001), null, CLERK), "notes"),
                    arguments(new CompleteCareTask(TASK, CareOutcome.CALLBACK_AGREED, null, null, CLERK), "callbackAt"),
                    arguments(new CompleteCareTask(TASK, CareOutcome.CALLBACK_AGREED, null, NOW, CLERK), "callbackAt"),
                    arguments(new CompleteCareTask(TASK, CareOutcome.CALLBACK_AGREED, null, NOW.minusSeconds(60), CLERK), "callbackAt"),
                    arguments(new CompleteCareTask(TASK, CareOutcome.REACHED, null, NOW.plusSeconds(3600), CLERK), "callbackAt"),
                    arguments(new CompleteCareTask(TASK, CareOutcome.REACHED, null, null, null), "actor"));
        }

        @ParameterizedTest(name = "[{index}] {1}")
        @MethodSource("invalidCompletions")
        void refusesInvalidInput(CompleteCareTask command, String field) {
            expectRejected(givenTask(scheduled(CareTaskKind.PURCHASE_FOLLOW_UP, DUE, null)).when(command),
                    INVALID_INPUT, field);
        }
    }
}
