package io.careledger.command.care;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careledger.api.care.CareOutcome;
import io.careledger.api.care.CareTaskCompleted;
import io.careledger.api.care.CareTaskId;
import io.careledger.api.care.CareTaskKind;
import io.careledger.api.care.ScheduleCareTask;
import io.careledger.api.common.Channel;
import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.complaint.ComplaintResolved;
import io.careledger.api.customer.BirthdayApproaching;
import io.careledger.api.customer.CustomerBecameDormant;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.PurchaseLine;
import io.careledger.api.customer.PurchaseRecorded;
import io.careledger.api.customer.ReferralRecorded;
import io.careledger.api.customer.SpendMilestoneReached;
import io.careledger.api.error.CommandRejectedException;
import io.careledger.api.error.ErrorCode;
import io.careledger.command.care.ComplaintParticipants.Participants;
import io.careledger.command.care.policy.CarePolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CareProcessTest {

    /** 17:00 in Shanghai; the local day ends at 15:59:59 UTC. */
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant END_OF_LOCAL_DAY = Instant.parse("2026-03-02T15:59:59Z");
    private static final CustomerId CUSTOMER = CustomerId.of("customer-1");
    private static final CustomerId REFERRER = CustomerId.of("customer-2");
    private static final StoreId STORE = StoreId.of("store-7");
    private static final StoreId COMPLAINT_STORE = StoreId.of("store-9");
    private static final StaffId CLERK = StaffId.of("clerk-1");
    private static final StaffId FIRST_RESPONDER = StaffId.of("clerk-2");
    private static final ComplaintId COMPLAINT = ComplaintId.of("complaint-1");
    private static final OrderId ORDER = OrderId.of("order-1");

    private final RecordingCommandGateway commands = new RecordingCommandGateway();
    private final ComplaintParticipants complaints = complaint -> complaint.equals(COMPLAINT)
            ? Optional.of(new Participants(CUSTOMER, FIRST_RESPONDER, COMPLAINT_STORE)) : Optional.empty();
    private final CareProcess process = new CareProcess(commands, CarePolicy.defaults(), complaints);

    private static PurchaseRecorded purchase(OrderId order, Instant purchasedAt) {
        Money price = Money.of("300.00", "CNY");
        return new PurchaseRecorded(CUSTOMER, order, STORE, Channel.STORE_DESK,
                List.of(new PurchaseLine("SKU-1", "apparel", 1, price)), price, purchasedAt, 300, 300, price, price,
                "membership-2026.1", CLERK, NOW);
    }

    private static ScheduleCareTask task(CareTaskKind kind, String triggerKey, CustomerId customer, Instant dueAt,
                                         StaffId assignee, StoreId store, String subjectRef) {
        return new ScheduleCareTask(CareTaskId.forTrigger(kind, triggerKey), customer, kind, dueAt, assignee, store,
                "(any reason)", subjectRef, StaffId.SYSTEM);
    }

    /** The tasks sent, compared on everything but the reason text, which only has to say something. */
    private void assertSent(ScheduleCareTask... expected) {
        assertThat(commands.sent()).allSatisfy(sent -> assertThat(sent.reason()).isNotBlank());
        assertThat(commands.sent()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("reason")
                .containsExactly(expected);
    }

    @Test
    void plansAFollowUpCallAWeekAfterAPurchaseAtItsStore() {
        Instant purchasedAt = NOW.minus(Duration.ofHours(3));
        process.on(purchase(ORDER, purchasedAt));

        assertSent(task(CareTaskKind.PURCHASE_FOLLOW_UP, "customer-1/order/order-1", CUSTOMER,
                purchasedAt.plus(Duration.ofDays(7)), null, STORE, "order-1"));
    }

    @Test
    void aRedeliveredEventMakesOneTask() {
        PurchaseRecorded event = purchase(ORDER, NOW);

        process.on(event);
        assertThatCode(() -> process.on(event)).doesNotThrowAnyException();

        assertThat(commands.sent()).hasSize(2);
        assertThat(commands.sent()).extracting(ScheduleCareTask::careTaskId).containsOnly(commands.sent().get(0)
                .careTaskId());
        assertThat(commands.created()).hasSize(1);
    }

    @Test
    void differentOrdersMakeDifferentTasks() {
        process.on(purchase(ORDER, NOW));
        process.on(purchase(OrderId.of("order-2"), NOW));

        assertThat(commands.created()).hasSize(2);
    }

    @Test
    void ignoresATaskThatExistsAlready() {
        commands.failWith(command -> new CommandRejectedException(ErrorCode.ALREADY_EXISTS, "exists", "careTaskId"));

        assertThatCode(() -> process.on(purchase(ORDER, NOW))).doesNotThrowAnyException();
    }

    @Test
    void ignoresADuplicateTheEventStoreRefusedEvenWhenWrapped() {
        commands.failWith(command -> new CommandExecutionException("remote failure",
                new AggregateStreamCreationException("stream exists")));

        assertThatCode(() -> process.on(purchase(ORDER, NOW))).doesNotThrowAnyException();
    }

    @Test
    void letsAnyOtherRefusalPropagateSoTheEventIsRetried() {
        commands.failWith(command -> new CommandRejectedException(ErrorCode.NOT_FOUND, "no customer", "customerId"));

        assertThatThrownBy(() -> process.on(purchase(ORDER, NOW)))
                .isInstanceOfSatisfying(CommandRejectedException.class,
                        rejection -> assertThat(rejection.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void letsATechnicalFailurePropagate() {
        commands.failWith(command -> new IllegalStateException("database down"));

        assertThatThrownBy(() -> process.on(purchase(ORDER, NOW))).hasMessage("database down");
    }

    @Test
    void plansTheSatisfactionCallFortyEightHoursAfterResolutionForTheFirstResponder() {
        process.on(new ComplaintResolved(COMPLAINT, "Refunded", true, NOW.minus(Duration.ofDays(1)), CLERK, NOW), 5);

        assertSent(task(CareTaskKind.SATISFACTION_FOLLOW_UP, "complaint-1/resolved/5", CUSTOMER,
                NOW.plus(Duration.ofHours(48)), FIRST_RESPONDER, COMPLAINT_STORE, "complaint-1"));
    }

    @Test
    void aComplaintResolvedAgainAfterReopeningGetsAnotherCall() {
        process.on(new ComplaintResolved(COMPLAINT, null, true, NOW, CLERK, NOW), 5);
        process.on(new ComplaintResolved(COMPLAINT, null, false, NOW, CLERK, NOW.plus(Duration.ofDays(3))), 9);
        process.on(new ComplaintResolved(COMPLAINT, null, true, NOW, CLERK, NOW), 5);

        assertThat(commands.sent()).hasSize(3);
        assertThat(commands.created()).hasSize(2);
    }

    @Test
    void aResolvedComplaintMissingFromTheStoreIsAFailure() {
        ComplaintResolved unknown = new ComplaintResolved(ComplaintId.of("complaint-x"), null, true, NOW, CLERK, NOW);

        assertThatThrownBy(() -> process.on(unknown, 3)).isInstanceOf(IllegalStateException.class);
        assertThat(commands.sent()).isEmpty();
    }

    @Test
    void thanksBothCustomersOfAReferralTheSameDay() {
        process.on(new ReferralRecorded(CUSTOMER, REFERRER, CLERK, NOW));

        assertSent(
                task(CareTaskKind.THANK_YOU_MESSAGE, "referral/customer-1/referrer", REFERRER, END_OF_LOCAL_DAY, null,
                        null, "customer-1"),
                task(CareTaskKind.THANK_YOU_MESSAGE, "referral/customer-1/referred", CUSTOMER, END_OF_LOCAL_DAY, null,
                        null, "customer-2"));
        assertThat(commands.created()).hasSize(2);
    }

    @Test
    void thanksForAMilestoneTheSameDay() {
        Money milestone = Money.of("10000.00", "CNY");
        process.on(new SpendMilestoneReached(CUSTOMER, milestone, Money.of("10200.00", "CNY"), ORDER,
                "membership-2026.1", StaffId.SYSTEM, NOW));

        assertSent(task(CareTaskKind.THANK_YOU_MESSAGE, "customer-1/milestone/10000.00 CNY", CUSTOMER,
                END_OF_LOCAL_DAY, null, null, "10000.00 CNY"));
    }

    @Test
    void plansTheBirthdayMessageForTheStartOfTheLocalBirthday() {
        LocalDate birthday = LocalDate.parse("2026-03-09");
        process.on(new BirthdayApproaching(CUSTOMER, birthday, 7, StaffId.SYSTEM, NOW));

        assertSent(task(CareTaskKind.BIRTHDAY_MESSAGE, "customer-1/birthday/2026-03-09", CUSTOMER,
                Instant.parse("2026-03-08T16:00:00Z"), null, null, null));
    }

    @Test
    void plansAReconnectMessageForADormantCustomer() {
        process.on(new CustomerBecameDormant(CUSTOMER, NOW.minus(Duration.ofDays(180)), Duration.ofDays(180),
                "membership-2026.1", StaffId.SYSTEM, NOW));

        assertSent(task(CareTaskKind.RECONNECT_MESSAGE, "customer-1/dormant/" + NOW, CUSTOMER,
                NOW.plus(Duration.ofDays(3)), null, null, null));
    }

    @Test
    void plansTheAgreedCallbackForWhoeverAgreedIt() {
        CareTaskId followUp = CareTaskId.of("task-1");
        Instant callbackAt = NOW.plus(Duration.ofDays(2));
        process.on(new CareTaskCompleted(followUp, CUSTOMER, CareTaskKind.PURCHASE_FOLLOW_UP,
                CareOutcome.CALLBACK_AGREED, "Asks about dry cleaning", callbackAt, false, CLERK, NOW));

        assertSent(task(CareTaskKind.CALLBACK, "task-1", CUSTOMER, callbackAt, CLERK, null, "task-1"));
    }

    @ParameterizedTest
    @EnumSource(value = CareOutcome.class, names = "CALLBACK_AGREED", mode = EnumSource.Mode.EXCLUDE)
    void otherOutcomesPlanNothing(CareOutcome outcome) {
        process.on(new CareTaskCompleted(CareTaskId.of("task-1"), CUSTOMER, CareTaskKind.PURCHASE_FOLLOW_UP, outcome,
                null, null, false, CLERK, NOW));

        assertThat(commands.sent()).isEmpty();
    }

    @Test
    void everyTriggerKindMakesItsOwnIds() {
        assertThat(CareTaskId.forTrigger(CareTaskKind.THANK_YOU_MESSAGE, "referral/customer-1/referrer"))
                .isNotEqualTo(CareTaskId.forTrigger(CareTaskKind.THANK_YOU_MESSAGE, "referral/customer-1/referred"));
    }

    /** A replay would contact customers about things long past; the processing group is what the service configures. */
    @Test
    void refusesReplaysInItsOwnProcessingGroup() {
        assertThat(CareProcess.class.getAnnotation(DisallowReplay.class)).isNotNull();
        assertThat(CareProcess.class.getAnnotation(ProcessingGroup.class).value()).isEqualTo("care-process");
    }
}
