package io.careledger.command.complaint;

import static io.careledger.api.complaint.ComplaintCategory.FOOD_SAFETY;
import static io.careledger.api.complaint.ComplaintCategory.PRICE_DISPUTE;
import static io.careledger.api.complaint.ComplaintCategory.PRODUCT_QUALITY;
import static io.careledger.api.complaint.ComplaintCategory.STAFF_ATTITUDE;
import static io.careledger.api.complaint.ComplaintStatus.ACKNOWLEDGED;
import static io.careledger.api.complaint.ComplaintStatus.CLOSED;
import static io.careledger.api.complaint.ComplaintStatus.FILED;
import static io.careledger.api.complaint.ComplaintStatus.FOLLOWED_UP;
import static io.careledger.api.complaint.ComplaintStatus.IN_PROGRESS;
import static io.careledger.api.complaint.ComplaintStatus.REOPENED;
import static io.careledger.api.complaint.ComplaintStatus.RESOLUTION_PROPOSED;
import static io.careledger.api.complaint.ComplaintStatus.RESOLVED;
import static io.careledger.api.complaint.Department.HEAD_OFFICE_AFTER_SALES;
import static io.careledger.api.complaint.Department.QUALITY_CONTROL;
import static io.careledger.api.complaint.Department.SALES;
import static io.careledger.api.complaint.Department.STORE_SERVICE_DESK;
import static io.careledger.api.complaint.Severity.LEVEL_1;
import static io.careledger.api.complaint.Severity.LEVEL_2;
import static io.careledger.api.complaint.Severity.LEVEL_3;
import static io.careledger.api.error.ErrorCode.ALREADY_AT_HIGHEST_LEVEL;
import static io.careledger.api.error.ErrorCode.INVALID_INPUT;
import static io.careledger.api.error.ErrorCode.INVALID_TRANSITION;
import static io.careledger.api.error.ErrorCode.NOT_FOUND;
import static io.careledger.command.complaint.ComplaintTestData.CLERK;
import static io.careledger.command.complaint.ComplaintTestData.COLLEAGUE;
import static io.careledger.command.complaint.ComplaintTestData.COMPENSATION;
import static io.careledger.command.complaint.ComplaintTestData.CUSTOMER;
import static io.careledger.command.complaint.ComplaintTestData.DESCRIPTION;
import static io.careledger.command.complaint.ComplaintTestData.ID;
import static io.careledger.command.complaint.ComplaintTestData.ORDER;
import static io.careledger.command.complaint.ComplaintTestData.RESOLUTION;
import static io.careledger.command.complaint.ComplaintTestData.ROUTING_VERSION;
import static io.careledger.command.complaint.ComplaintTestData.SEVERITY_VERSION;
import static io.careledger.command.complaint.ComplaintTestData.STORE;
import static io.careledger.command.complaint.ComplaintTestData.STRANGER;
import static io.careledger.command.complaint.ComplaintTestData.SUPERVISOR;
import static io.careledger.command.complaint.ComplaintTestData.T0;
import static io.careledger.command.complaint.ComplaintTestData.accept;
import static io.careledger.command.complaint.ComplaintTestData.acknowledge;
import static io.careledger.command.complaint.ComplaintTestData.close;
import static io.careledger.command.complaint.ComplaintTestData.contact;
import static io.careledger.command.complaint.ComplaintTestData.escalate;
import static io.careledger.command.complaint.ComplaintTestData.file;
import static io.careledger.command.complaint.ComplaintTestData.filed;
import static io.careledger.command.complaint.ComplaintTestData.followUp;
import static io.careledger.command.complaint.ComplaintTestData.history;
import static io.careledger.command.complaint.ComplaintTestData.propose;
import static io.careledger.command.complaint.ComplaintTestData.reject;
import static io.careledger.command.complaint.ComplaintTestData.reopen;
import static io.careledger.command.support.Rejections.rejectedWith;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.careledger.api.common.Channel;
import io.careledger.api.common.Money;
import io.careledger.api.common.StaffId;
import io.careledger.api.complaint.AcceptResolution;
import io.careledger.api.complaint.AcknowledgeComplaint;
import io.careledger.api.complaint.CloseComplaint;
import io.careledger.api.complaint.Compensation;
import io.careledger.api.complaint.CompensationKind;
import io.careledger.api.complaint.ComplaintAcknowledged;
import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.complaint.ComplaintClosed;
import io.careledger.api.complaint.ComplaintContactLogged;
import io.careledger.api.complaint.ComplaintDeadlineMissed;
import io.careledger.api.complaint.ComplaintEscalated;
import io.careledger.api.complaint.ComplaintFiled;
import io.careledger.api.complaint.ComplaintFollowedUp;
import io.careledger.api.complaint.ComplaintReopened;
import io.careledger.api.complaint.ComplaintResolved;
import io.careledger.api.complaint.ComplaintStatus;
import io.careledger.api.complaint.ContactKind;
import io.careledger.api.complaint.DeadlineKind;
import io.careledger.api.complaint.Department;
import io.careledger.api.complaint.EscalateComplaint;
import io.careledger.api.complaint.FileComplaint;
import io.careledger.api.complaint.LogComplaintContact;
import io.careledger.api.complaint.ProposeResolution;
import io.careledger.api.complaint.RecordComplaintFollowUp;
import io.careledger.api.complaint.RejectResolution;
import io.careledger.api.complaint.ReopenComplaint;
import io.careledger.api.complaint.ResolutionProposed;
import io.careledger.api.complaint.ResolutionRejected;
import io.careledger.api.complaint.Severity;
import io.careledger.api.error.ErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ComplaintAggregateTest {

    /** When most commands arrive: half an hour after filing, inside every first-response deadline. */
    private static final Instant NOW = T0.plus(Duration.ofMinutes(30));
    private static final String TOO_LONG = "x".repeat(4001);

    private AggregateTestFixture<ComplaintAggregate> fixture;

    @BeforeEach
    void newFixture() {
        fixture = ComplaintTestData.newFixture();
    }

    /** A price dispute in {@code status}, plus any further events, with the clock at {@link #NOW}. */
    private TestExecutor<ComplaintAggregate> givenComplaint(ComplaintStatus status, Object... moreEvents) {
        return fixture.givenCurrentTime(NOW).andGiven(history(status)).andGiven(moreEvents);
    }

    /** A price dispute filed by command at {@link #T0}, so that its first-response deadline is really scheduled. */
    private TestExecutor<ComplaintAggregate> givenFiledByCommand(ComplaintCategory category, Object... moreCommands) {
        return fixture.givenCurrentTime(T0).andGivenCommands(file(category)).andGivenCommands(moreCommands);
    }

    private static void expectRejected(ResultValidator<ComplaintAggregate> result, ErrorCode code, String field) {
        result.expectException(rejectedWith(code, field)).expectNoEvents();
    }

    @Nested
    class Filing {

        @ParameterizedTest(name = "{0} is {1}, goes to {2}, first response within {3}")
        @CsvSource({
                "PRICE_DISPUTE,     LEVEL_1, STORE_SERVICE_DESK,           PT1H",
                "WRONG_ITEM,        LEVEL_1, STORE_SERVICE_DESK,           PT1H",
                "FRESH_SPOILAGE,    LEVEL_2, WAREHOUSING_AND_DISTRIBUTION, PT4H",
                "EQUIPMENT_FAILURE, LEVEL_2, STORE_OPERATIONS,             PT4H",
                "PRODUCT_QUALITY,   LEVEL_2, QUALITY_CONTROL,              PT4H",
                "PACKAGING_DAMAGE,  LEVEL_2, WAREHOUSING_AND_DISTRIBUTION, PT4H",
                "STAFF_ATTITUDE,    LEVEL_2, SALES,                        PT4H",
                "DELIVERY,          LEVEL_2, WAREHOUSING_AND_DISTRIBUTION, PT4H",
                "FOOD_SAFETY,       LEVEL_3, QUALITY_CONTROL,              PT24H",
                "BATCH_COMPLAINT,   LEVEL_3, HEAD_OFFICE_AFTER_SALES,      PT24H"})
        void recordsThePolicyDecisionsAndSchedulesTheFirstResponseDeadline(
                ComplaintCategory category, Severity severity, Department department, Duration firstResponse) {
            fixture.givenCurrentTime(T0)
                    .when(file(category))
                    .expectEvents(filed(category, severity, department, firstResponse))
                    .expectScheduledDeadline(T0.plus(firstResponse), new FirstResponseDeadline(severity));
        }

        @Test
        void carriesTheAssistantTranscriptAndAcceptsTextsAtTheirLimits() {
            String description = "d".repeat(4000);
            String transcript = "t".repeat(20_000);
            fixture.givenCurrentTime(T0)
                    .when(new FileComplaint(ID, CUSTOMER, Channel.AI_ASSISTANT_HANDOFF, FOOD_SAFETY, description,
                            STORE, null, transcript, CLERK))
                    .expectEvents(new ComplaintFiled(ID, CUSTOMER, Channel.AI_ASSISTANT_HANDOFF, FOOD_SAFETY,
                            description, STORE, null, transcript, LEVEL_3, QUALITY_CONTROL,
                            T0.plus(Duration.ofHours(24)), SEVERITY_VERSION, ROUTING_VERSION, CLERK, T0));
        }

        @Test
        void refusesAnUnknownCustomer() {
            fixture.givenCurrentTime(T0)
                    .when(new FileComplaint(ID, STRANGER, Channel.HOTLINE, PRICE_DISPUTE, DESCRIPTION, STORE, ORDER,
                            null, CLERK))
                    .expectException(rejectedWith(NOT_FOUND, "customerId"))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        static Stream<Arguments> invalidFilings() {
            return Stream.of(
                    arguments(new FileComplaint(ID, null, Channel.HOTLINE, PRICE_DISPUTE, DESCRIPTION, STORE, ORDER, null, CLERK), "customerId"),
                    arguments(new FileComplaint(ID, CUSTOMER, null, PRICE_DISPUTE, DESCRIPTION, STORE, ORDER, null, CLERK), "channel"),
                    arguments(new FileComplaint(ID, CUSTOMER, Channel.HOTLINE, null, DESCRIPTION, STORE, ORDER, null, CLERK), "category"),
                    arguments(new FileComplaint(ID, CUSTOMER, Channel.HOTLINE, PRICE_DISPUTE, DESCRIPTION, null, ORDER, null, CLERK), "storeId"),
                    arguments(new FileComplaint(ID, CUSTOMER, Channel.HOTLINE, PRICE_DISPUTE, null, STORE, ORDER, null, CLERK), "description"),
                    arguments(new FileComplaint(ID, CUSTOMER, Channel.HOTLINE, PRICE_DISPUTE, " \t", STORE, ORDER, null, CLERK), "description"),
                    arguments(new FileComplaint(ID, CUSTOMER, Channel.HOTLINE, PRICE_DISPUTE, TOO_LONG, STORE, ORDER, null, CLERK), "description"),
                    arguments(new FileComplaint(ID, CUSTOMER, Channel.HOTLINE, PRICE_DISPUTE, DESCRIPTION, STORE, ORDER, "t".repeat(20_001), CLERK), "transcript"),
                    arguments(new FileComplaint(ID, CUSTOMER, Channel.HOTLINE, PRICE_DISPUTE, DESCRIPTION, STORE, ORDER, null, null), "actor"));
        }

        @ParameterizedTest(name = "[{index}] {1}")
        @MethodSource("invalidFilings")
        void refusesInvalidInputBeforeLookingAnythingUp(FileComplaint command, String field) {
            fixture.givenCurrentTime(T0).when(command)
                    .expectException(rejectedWith(INVALID_INPUT, field))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }
    }

    @Nested
    class Acknowledging {

        @Test
        void makesTheActorTheFirstResponderAndCancelsTheDeadline() {
            givenFiledByCommand(PRICE_DISPUTE)
                    .when(new AcknowledgeComplaint(ID, COLLEAGUE))
                    .expectEvents(new ComplaintAcknowledged(ID, true, COLLEAGUE, T0))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void exactlyAtTheDeadlineIsStillInTime() {
            fixture.givenCurrentTime(T0.plus(Duration.ofHours(1))).andGiven(history(FILED))
                    .when(acknowledge())
                    .expectEvents(new ComplaintAcknowledged(ID, true, CLERK, T0.plus(Duration.ofHours(1))));
        }

        @Test
        void afterTheDeadlineIsLate() {
            Instant late = T0.plus(Duration.ofHours(1)).plusSeconds(1);
            fixture.givenCurrentTime(late).andGiven(history(FILED))
                    .when(acknowledge())
                    .expectEvents(new ComplaintAcknowledged(ID, false, CLERK, late));
        }

        @Test
        void isMeasuredAgainstTheDeadlineAnEscalationReplanned() {
            Instant twoHoursIn = T0.plus(Duration.ofHours(2));
            fixture.givenCurrentTime(twoHoursIn).andGiven(history(FILED)).andGiven(
                            new ComplaintEscalated(ID, LEVEL_1, LEVEL_2, STORE_SERVICE_DESK, "urgent", false, null,
                                    NOW.plus(Duration.ofHours(4)), SEVERITY_VERSION, SUPERVISOR, NOW))
                    .when(acknowledge())
                    .expectEvents(new ComplaintAcknowledged(ID, true, CLERK, twoHoursIn));
        }
    }

    @Nested
    class LoggingContacts {

        @Test
        void recordsTheContactByWhoeverMadeIt() {
            givenComplaint(ACKNOWLEDGED)
                    .when(new LogComplaintContact(ID, ContactKind.EMPATHISE, "Apologised for the cake", COLLEAGUE))
                    .expectEvents(new ComplaintContactLogged(ID, ContactKind.EMPATHISE, "Apologised for the cake",
                            COLLEAGUE, NOW));
        }

        @Test
        void needsTheComplaintAcknowledgedFirst() {
            givenComplaint(FILED).when(contact(ContactKind.LISTEN))
                    .expectException(rejectedWith(INVALID_TRANSITION, null))
                    .expectExceptionMessage(containsString("must be acknowledged first"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"ACKNOWLEDGED", "REOPENED"})
        void startsTheWork(ComplaintStatus status) {
            givenComplaint(status, new ComplaintContactLogged(ID, ContactKind.LISTEN, "Listened", CLERK, NOW))
                    .when(accept())
                    .expectException(rejectedWith(INVALID_TRANSITION, null))
                    .expectExceptionMessage(containsString("is IN_PROGRESS"));
        }

        @Test
        void leavesAProposedResolutionOpen() {
            givenComplaint(RESOLUTION_PROPOSED, new ComplaintContactLogged(ID, ContactKind.EXPLAIN, "Explained", CLERK, NOW))
                    .when(accept())
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class EscalatingByHand {

        @Test
        void goesOneLevelUpWithoutNewDeadlineOnceAcknowledged() {
            givenComplaint(IN_PROGRESS)
                    .when(escalate())
                    .expectEvents(new ComplaintEscalated(ID, LEVEL_1, LEVEL_2, STORE_SERVICE_DESK,
                            escalate().reason(), false, null, null, SEVERITY_VERSION, SUPERVISOR, NOW))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void replansTheFirstResponseDeadlineWhileNobodyHasAnswered() {
            givenFiledByCommand(PRICE_DISPUTE)
                    .when(escalate())
                    .expectEvents(new ComplaintEscalated(ID, LEVEL_1, LEVEL_2, STORE_SERVICE_DESK,
                            escalate().reason(), false, null, T0.plus(Duration.ofHours(4)), SEVERITY_VERSION,
                            SUPERVISOR, T0))
                    .expectScheduledDeadline(T0.plus(Duration.ofHours(4)), new FirstResponseDeadline(LEVEL_2))
                    .expectNoScheduledDeadline(T0.plus(Duration.ofHours(1)), new FirstResponseDeadline(LEVEL_1));
        }

        @Test
        void handsAStoreCaseToHeadOfficeAtTheHighestLevel() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(filed(STAFF_ATTITUDE, LEVEL_2, SALES, Duration.ofHours(4)),
                            new ComplaintAcknowledged(ID, true, CLERK, T0))
                    .when(escalate())
                    .expectEvents(new ComplaintEscalated(ID, LEVEL_2, LEVEL_3, HEAD_OFFICE_AFTER_SALES,
                            escalate().reason(), false, null, null, SEVERITY_VERSION, SUPERVISOR, NOW));
        }

        @Test
        void leavesAHeadOfficeDepartmentItsOwnCaseAtTheHighestLevel() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(filed(PRODUCT_QUALITY, LEVEL_2, QUALITY_CONTROL, Duration.ofHours(4)),
                            new ComplaintAcknowledged(ID, true, CLERK, T0))
                    .when(escalate())
                    .expectEvents(new ComplaintEscalated(ID, LEVEL_2, LEVEL_3, QUALITY_CONTROL,
                            escalate().reason(), false, null, null, SEVERITY_VERSION, SUPERVISOR, NOW));
        }

        @Test
        void cannotGoAboveTheHighestLevel() {
            fixture.givenCurrentTime(NOW)
                    .andGiven(filed(FOOD_SAFETY, LEVEL_3, QUALITY_CONTROL, Duration.ofHours(24)))
                    .when(escalate())
                    .expectException(rejectedWith(ALREADY_AT_HIGHEST_LEVEL, null))
                    .expectExceptionMessage(containsString("LEVEL_3"))
                    .expectNoEvents();
        }
    }

    @Nested
    class MissingTheFirstResponseDeadline {

        @Test
        void recordsTheBreachEscalatesAndPlansTheNextLevelsDeadline() {
            Instant due = T0.plus(Duration.ofHours(1));
            givenFiledByCommand(PRICE_DISPUTE)
                    .whenTimeElapses(Duration.ofMinutes(61))
                    .expectEvents(
                            new ComplaintDeadlineMissed(ID, DeadlineKind.FIRST_RESPONSE, due, LEVEL_1, StaffId.SYSTEM, due),
                            new ComplaintEscalated(ID, LEVEL_1, LEVEL_2, STORE_SERVICE_DESK,
                                    "first-response deadline missed", true, DeadlineKind.FIRST_RESPONSE,
                                    due.plus(Duration.ofHours(4)), SEVERITY_VERSION, StaffId.SYSTEM, due))
                    .expectTriggeredDeadlines(new FirstResponseDeadline(LEVEL_1))
                    .expectScheduledDeadline(due.plus(Duration.ofHours(4)), new FirstResponseDeadline(LEVEL_2));
        }

        @Test
        void keepsEscalatingUntilTheHighestLevel() {
            Instant firstDue = T0.plus(Duration.ofHours(1));
            Instant secondDue = firstDue.plus(Duration.ofHours(4));
            givenFiledByCommand(PRICE_DISPUTE)
                    .whenTimeElapses(Duration.ofHours(5).plusMinutes(1))
                    .expectEvents(
                            new ComplaintDeadlineMissed(ID, DeadlineKind.FIRST_RESPONSE, firstDue, LEVEL_1, StaffId.SYSTEM, firstDue),
                            new ComplaintEscalated(ID, LEVEL_1, LEVEL_2, STORE_SERVICE_DESK,
                                    "first-response deadline missed", true, DeadlineKind.FIRST_RESPONSE,
                                    secondDue, SEVERITY_VERSION, StaffId.SYSTEM, firstDue),
                            new ComplaintDeadlineMissed(ID, DeadlineKind.FIRST_RESPONSE, secondDue, LEVEL_2, StaffId.SYSTEM, secondDue),
                            new ComplaintEscalated(ID, LEVEL_2, LEVEL_3, HEAD_OFFICE_AFTER_SALES,
                                    "first-response deadline missed", true, DeadlineKind.FIRST_RESPONSE,
                                    secondDue.plus(Duration.ofHours(24)), SEVERITY_VERSION, StaffId.SYSTEM, secondDue))
                    .expectScheduledDeadline(secondDue.plus(Duration.ofHours(24)), new FirstResponseDeadline(LEVEL_3));
        }

        @Test
        void atTheHighestLevelOnlyRecordsTheBreach() {
            Instant due = T0.plus(Duration.ofHours(24));
            givenFiledByCommand(FOOD_SAFETY)
                    .whenTimeElapses(Duration.ofHours(25))
                    .expectEvents(new ComplaintDeadlineMissed(ID, DeadlineKind.FIRST_RESPONSE, due, LEVEL_3,
                            StaffId.SYSTEM, due))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void doesNothingBeforeItIsDue() {
            givenFiledByCommand(PRICE_DISPUTE)
                    .whenTimeElapses(Duration.ofMinutes(59))
                    .expectNoEvents()
                    .expectScheduledDeadline(T0.plus(Duration.ofHours(1)), new FirstResponseDeadline(LEVEL_1));
        }

        @Test
        void doesNothingOnceAcknowledged() {
            givenFiledByCommand(PRICE_DISPUTE, acknowledge())
                    .whenTimeElapses(Duration.ofMinutes(61))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }

        @Test
        void ignoresADeadlinePlannedForAnEarlierLevel() {
            // The escalation arrives as a bare event, so the level-1 deadline is not cancelled: as if the
            // cancellation had lost a race with the deadline firing.
            givenFiledByCommand(PRICE_DISPUTE)
                    .andGiven(new ComplaintEscalated(ID, LEVEL_1, LEVEL_2, STORE_SERVICE_DESK, "urgent", false, null,
                            T0.plus(Duration.ofHours(4)), SEVERITY_VERSION, SUPERVISOR, T0))
                    .whenTimeElapses(Duration.ofMinutes(61))
                    .expectTriggeredDeadlines(new FirstResponseDeadline(LEVEL_1))
                    .expectNoEvents();
        }
    }

    @Nested
    class ProposingAResolution {

        @Test
        void recordsTheSolutionAndItsCompensation() {
            givenComplaint(IN_PROGRESS)
                    .when(propose())
                    .expectEvents(new ResolutionProposed(ID, RESOLUTION, COMPENSATION, CLERK, NOW));
        }

        @Test
        void treatsMissingCompensationAsNone() {
            givenComplaint(ACKNOWLEDGED)
                    .when(new ProposeResolution(ID, "An apology was all they wanted", null, CLERK))
                    .expectEvents(new ResolutionProposed(ID, "An apology was all they wanted", List.of(), CLERK, NOW));
        }
    }

    @Nested
    class AcceptingTheResolution {

        @Test
        void resolvesAtFirstContactWhenNothingGotInTheWay() {
            givenComplaint(RESOLUTION_PROPOSED)
                    .when(accept())
                    .expectEvents(new ComplaintResolved(ID, "Customer is happy", true, T0, CLERK, NOW));
        }

        @Test
        void ordinaryContactsKeepTheFirstContactResolution() {
            givenComplaint(IN_PROGRESS,
                    new ComplaintContactLogged(ID, ContactKind.APOLOGISE, "Apologised", COLLEAGUE, NOW),
                    new ComplaintContactLogged(ID, ContactKind.COMPENSATE, "Handed over the coupon", CLERK, NOW),
                    new ResolutionProposed(ID, RESOLUTION, COMPENSATION, CLERK, NOW))
                    .when(accept())
                    .expectEvents(new ComplaintResolved(ID, "Customer is happy", true, T0, CLERK, NOW));
        }

        static Stream<Arguments> whatCostsTheFirstContactResolution() {
            return Stream.of(
                    arguments("a transfer", List.of(
                            new ComplaintContactLogged(ID, ContactKind.TRANSFER, "Passed to the bakery manager", CLERK, NOW))),
                    arguments("an escalation by hand", List.of(
                            new ComplaintEscalated(ID, LEVEL_1, LEVEL_2, STORE_SERVICE_DESK, "urgent", false, null, null,
                                    SEVERITY_VERSION, SUPERVISOR, NOW))),
                    arguments("an automatic escalation", List.of(
                            new ComplaintEscalated(ID, LEVEL_1, LEVEL_2, STORE_SERVICE_DESK, "first-response deadline missed",
                                    true, DeadlineKind.FIRST_RESPONSE, null, SEVERITY_VERSION, StaffId.SYSTEM, NOW))),
                    arguments("a rejected proposal", List.of(
                            new ResolutionProposed(ID, RESOLUTION, COMPENSATION, CLERK, NOW),
                            new ResolutionRejected(ID, "Not enough", CLERK, NOW))),
                    arguments("a reopening", List.of(
                            new ResolutionProposed(ID, RESOLUTION, COMPENSATION, CLERK, NOW),
                            new ComplaintResolved(ID, null, true, T0, CLERK, NOW),
                            new ComplaintClosed(ID, null, CLERK, NOW),
                            new ComplaintReopened(ID, "Came back", CLERK, NOW))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("whatCostsTheFirstContactResolution")
        void notAtFirstContactAfter(String what, List<Object> events) {
            givenComplaint(IN_PROGRESS).andGiven(events)
                    .andGiven(new ResolutionProposed(ID, RESOLUTION, COMPENSATION, CLERK, NOW))
                    .when(accept())
                    .expectEvents(new ComplaintResolved(ID, "Customer is happy", false, T0, CLERK, NOW));
        }
    }

    @Nested
    class RejectingTheResolution {

        @Test
        void sendsTheCaseBackToWork() {
            givenComplaint(RESOLUTION_PROPOSED)
                    .when(reject())
                    .expectEvents(new ResolutionRejected(ID, "Customer wants an exchange", CLERK, NOW));
        }

        @Test
        void leavesTheCaseInProgressForASecondChance() {
            givenComplaint(RESOLUTION_PROPOSED, new ResolutionRejected(ID, null, CLERK, NOW))
                    .when(propose())
                    .expectEvents(new ResolutionProposed(ID, RESOLUTION, COMPENSATION, CLERK, NOW));
        }
    }

    @Nested
    class FollowingUp {

        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3, 4, 5})
        void recordsTheSatisfaction(int satisfaction) {
            givenComplaint(RESOLVED)
                    .when(new RecordComplaintFollowUp(ID, satisfaction, null, COLLEAGUE))
                    .expectEvents(new ComplaintFollowedUp(ID, satisfaction, null, COLLEAGUE, NOW));
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 0, 6})
        void refusesASatisfactionOutsideOneToFive(int satisfaction) {
            expectRejected(givenComplaint(RESOLVED).when(new RecordComplaintFollowUp(ID, satisfaction, null, CLERK)),
                    INVALID_INPUT, "satisfaction");
        }
    }

    @Nested
    class ClosingAndReopening {

        @ParameterizedTest
        @ValueSource(strings = {"RESOLVED", "FOLLOWED_UP"})
        void closesAResolvedCase(ComplaintStatus status) {
            givenComplaint(status)
                    .when(new CloseComplaint(ID, "Done", CLERK))
                    .expectEvents(new ComplaintClosed(ID, "Done", CLERK, NOW));
        }

        @Test
        void reopensAClosedCase() {
            givenComplaint(CLOSED)
                    .when(reopen())
                    .expectEvents(new ComplaintReopened(ID, "The coupon was refused at the till", CLERK, NOW));
        }

        @Test
        void reopenedCaseGoesBackToWorkWithoutANewFirstResponder() {
            givenComplaint(REOPENED)
                    .when(acknowledge())
                    .expectException(rejectedWith(INVALID_TRANSITION, null))
                    .expectNoEvents();
        }
    }

    /** Which statuses each command accepts (DOMAIN.md §4 lifecycle); every other status refuses it. */
    record Rule(Object command, Set<ComplaintStatus> allowed) {
        @Override
        public String toString() {
            return command.getClass().getSimpleName();
        }
    }

    static final List<Rule> RULES = List.of(
            new Rule(acknowledge(), EnumSet.of(FILED)),
            new Rule(contact(ContactKind.LISTEN), EnumSet.complementOf(EnumSet.of(FILED, CLOSED))),
            new Rule(escalate(), EnumSet.complementOf(EnumSet.of(CLOSED))),
            new Rule(propose(), EnumSet.of(ACKNOWLEDGED, IN_PROGRESS, REOPENED)),
            new Rule(accept(), EnumSet.of(RESOLUTION_PROPOSED)),
            new Rule(reject(), EnumSet.of(RESOLUTION_PROPOSED)),
            new Rule(followUp(), EnumSet.of(RESOLVED)),
            new Rule(close(), EnumSet.of(RESOLVED, FOLLOWED_UP)),
            new Rule(reopen(), EnumSet.of(CLOSED)));

    static Stream<Arguments> allowedTransitions() {
        return RULES.stream().flatMap(rule -> rule.allowed().stream().map(status -> arguments(rule, status)));
    }

    static Stream<Arguments> refusedTransitions() {
        return RULES.stream().flatMap(rule ->
                EnumSet.complementOf(EnumSet.copyOf(rule.allowed())).stream().map(status -> arguments(rule, status)));
    }

    @ParameterizedTest(name = "{0} when {1}")
    @MethodSource("allowedTransitions")
    void acceptsTheCommandInAnAllowedStatus(Rule rule, ComplaintStatus status) {
        givenComplaint(status).when(rule.command()).expectSuccessfulHandlerExecution();
    }

    @ParameterizedTest(name = "{0} when {1}")
    @MethodSource("refusedTransitions")
    void refusesTheCommandInAnyOtherStatus(Rule rule, ComplaintStatus status) {
        givenComplaint(status).when(rule.command())
                .expectException(rejectedWith(INVALID_TRANSITION, null))
                .expectExceptionMessage(allOf(containsString(rule.toString()), containsString(" is " + status)))
                .expectNoEvents();
    }

    static Stream<Arguments> invalidInputs() {
        Compensation noKind = new Compensation(null, Money.of("5", "CNY"), "coupon");
        return Stream.of(
                arguments(FILED, new AcknowledgeComplaint(ID, null), "actor"),
                arguments(ACKNOWLEDGED, new LogComplaintContact(ID, null, "summary", CLERK), "kind"),
                arguments(ACKNOWLEDGED, new LogComplaintContact(ID, ContactKind.NOTE, " ", CLERK), "summary"),
                arguments(ACKNOWLEDGED, new LogComplaintContact(ID, ContactKind.NOTE, TOO_LONG, CLERK), "summary"),
                arguments(ACKNOWLEDGED, new LogComplaintContact(ID, ContactKind.NOTE, "summary", null), "actor"),
                arguments(IN_PROGRESS, new EscalateComplaint(ID, null, SUPERVISOR), "reason"),
                arguments(IN_PROGRESS, new EscalateComplaint(ID, "", SUPERVISOR), "reason"),
                arguments(IN_PROGRESS, new EscalateComplaint(ID, TOO_LONG, SUPERVISOR), "reason"),
                arguments(IN_PROGRESS, new EscalateComplaint(ID, "urgent", null), "actor"),
                arguments(IN_PROGRESS, new ProposeResolution(ID, " ", COMPENSATION, CLERK), "resolution"),
                arguments(IN_PROGRESS, new ProposeResolution(ID, TOO_LONG, COMPENSATION, CLERK), "resolution"),
                arguments(IN_PROGRESS, new ProposeResolution(ID, RESOLUTION, Arrays.asList(COMPENSATION.get(0), null), CLERK), "compensation[1]"),
                arguments(IN_PROGRESS, new ProposeResolution(ID, RESOLUTION, List.of(noKind), CLERK), "compensation[0].kind"),
                arguments(IN_PROGRESS, new ProposeResolution(ID, RESOLUTION, List.of(new Compensation(CompensationKind.GIFT, null, TOO_LONG)), CLERK), "compensation[0].description"),
                arguments(IN_PROGRESS, new ProposeResolution(ID, RESOLUTION, COMPENSATION, null), "actor"),
                arguments(RESOLUTION_PROPOSED, new AcceptResolution(ID, TOO_LONG, CLERK), "note"),
                arguments(RESOLUTION_PROPOSED, new AcceptResolution(ID, null, null), "actor"),
                arguments(RESOLUTION_PROPOSED, new RejectResolution(ID, TOO_LONG, CLERK), "note"),
                arguments(RESOLUTION_PROPOSED, new RejectResolution(ID, null, null), "actor"),
                arguments(RESOLVED, new RecordComplaintFollowUp(ID, 4, TOO_LONG, CLERK), "comment"),
                arguments(RESOLVED, new RecordComplaintFollowUp(ID, 4, null, null), "actor"),
                arguments(FOLLOWED_UP, new CloseComplaint(ID, TOO_LONG, CLERK), "reason"),
                arguments(FOLLOWED_UP, new CloseComplaint(ID, null, null), "actor"),
                arguments(CLOSED, new ReopenComplaint(ID, null, CLERK), "reason"),
                arguments(CLOSED, new ReopenComplaint(ID, "\n", CLERK), "reason"),
                arguments(CLOSED, new ReopenComplaint(ID, TOO_LONG, CLERK), "reason"),
                arguments(CLOSED, new ReopenComplaint(ID, "Came back", null), "actor"));
    }

    @ParameterizedTest(name = "[{index}] {1} → {2}")
    @MethodSource("invalidInputs")
    void refusesInvalidInput(ComplaintStatus status, Object command, String field) {
        expectRejected(givenComplaint(status).when(command), INVALID_INPUT, field);
    }
}
