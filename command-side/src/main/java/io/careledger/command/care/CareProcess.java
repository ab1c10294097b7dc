package io.careledger.command.care;

import io.careledger.api.care.CareOutcome;
import io.careledger.api.care.CareTaskCompleted;
import io.careledger.api.care.CareTaskId;
import io.careledger.api.care.CareTaskKind;
import io.careledger.api.care.ScheduleCareTask;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintResolved;
import io.careledger.api.customer.BirthdayApproaching;
import io.careledger.api.customer.CustomerBecameDormant;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.PurchaseRecorded;
import io.careledger.api.customer.ReferralRecorded;
import io.careledger.api.customer.SpendMilestoneReached;
import io.careledger.api.error.CommandRejectedException;
import io.careledger.api.error.ErrorCode;
import io.careledger.command.care.policy.CarePolicy;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.modelling.command.AggregateStreamCreationException;

/**
 * Turns what happens to customers and complaints into care tasks (DOMAIN.md §2-3): a follow-up call a week after
 * a purchase, a satisfaction call after a resolved complaint, thank-yous, birthday and reconnect messages, and
 * the callbacks staff agree with customers. Whether a task may reach the customer is the task's own decision.
 * <p>
 * Every task's id comes from its trigger ({@link CareTaskId#forTrigger}), so an event delivered twice asks for
 * the same task twice and the second request is refused as ALREADY_EXISTS, which is ignored here. Any other
 * failure propagates, so the processor retries the event. Replays are refused: re-running history would
 * contact customers about things long past.
 */
@ProcessingGroup(CareProcess.PROCESSING_GROUP)
@DisallowReplay
public class CareProcess {

    public static final String PROCESSING_GROUP = "care-process";

    private final CommandGateway commands;
    private final CarePolicy policy;
    private final ComplaintParticipants complaints;

    public CareProcess(CommandGateway commands, CarePolicy policy, ComplaintParticipants complaints) {
        this.commands = commands;
        this.policy = policy;
        this.complaints = complaints;
    }

    /** Order ids are unique per customer only, hence the customer in the trigger key. */
    @EventHandler
    void on(PurchaseRecorded event) {
        schedule(CareTaskKind.PURCHASE_FOLLOW_UP, event.customerId() + "/order/" + event.orderId(),
                event.customerId(), policy.purchaseFollowUpDue(event.purchasedAt()), null, event.storeId(),
                "Follow-up call on order " + event.orderId() + ": how does it wear, any washing questions?",
                event.orderId().value());
    }

    /**
     * The first responder owns the complaint to the end, so the satisfaction call is theirs. A reopened
     * complaint resolved again gets a call again: the trigger is this resolution, named by its place in the
     * complaint's history.
     */
    @EventHandler
    void on(ComplaintResolved event, @SequenceNumber long sequenceNumber) {
        ComplaintParticipants.Participants participants = complaints.of(event.complaintId())
                .orElseThrow(() -> new IllegalStateException("Complaint " + event.complaintId()
                        + " was resolved but its filing is not in the event store"));
        schedule(CareTaskKind.SATISFACTION_FOLLOW_UP, event.complaintId() + "/resolved/" + sequenceNumber,
                participants.customerId(), policy.satisfactionFollowUpDue(event.occurredAt()), participants.owner(),
                participants.storeId(), "Satisfaction call on resolved complaint " + event.complaintId(),
                event.complaintId().value());
    }

    /**
     * Both customers, the same day (DOMAIN.md §2). A customer is referred once, so the new customer keys the
     * referral; each task names the other party.
     */
    @EventHandler
    void on(ReferralRecorded event) {
        Instant due = policy.sameDayDue(event.occurredAt());
        String referral = "referral/" + event.customerId();
        schedule(CareTaskKind.THANK_YOU_MESSAGE, referral + "/referrer", event.referredBy(), due, null, null,
                "Thank you for referring a new customer", event.customerId().value());
        schedule(CareTaskKind.THANK_YOU_MESSAGE, referral + "/referred", event.customerId(), due, null, null,
                "Thank you for joining on a friend's recommendation", event.referredBy().value());
    }

    @EventHandler
    void on(SpendMilestoneReached event) {
        String milestone = event.milestone().amountText() + " " + event.milestone().currency();
        schedule(CareTaskKind.THANK_YOU_MESSAGE, event.customerId() + "/milestone/" + milestone, event.customerId(),
                policy.sameDayDue(event.occurredAt()), null, null,
                "Thank you: cumulative spend reached " + milestone, milestone);
    }

    /** Nothing to greet once the customer's personal data was erased: the birthday then reads as absent. */
    @EventHandler
    void on(BirthdayApproaching event) {
        if (event.birthday() == null) {
            return;
        }
        schedule(CareTaskKind.BIRTHDAY_MESSAGE, event.customerId() + "/birthday/" + event.birthday(),
                event.customerId(), policy.birthdayMessageDue(event.birthday()), null, null,
                "Birthday greeting", null);
    }

    @EventHandler
    void on(CustomerBecameDormant event) {
        schedule(CareTaskKind.RECONNECT_MESSAGE, event.customerId() + "/dormant/" + event.occurredAt(),
                event.customerId(), policy.reconnectDue(event.occurredAt()), null, null,
                "Reconnect with a customer who has not bought for " + event.dormantAfter().toDays() + " days", null);
    }

    /** The agreed callback is done by whoever agreed it, at the agreed time; a task completes once. */
    @EventHandler
    void on(CareTaskCompleted event) {
        if (event.outcome() != CareOutcome.CALLBACK_AGREED) {
            return;
        }
        schedule(CareTaskKind.CALLBACK, event.careTaskId().value(), event.customerId(), event.callbackAt(),
                event.by(), null, "Callback agreed with the customer on care task " + event.careTaskId(),
                event.careTaskId().value());
    }

    private void schedule(CareTaskKind kind, String triggerKey, CustomerId customerId, Instant dueAt,
                          StaffId assignee, StoreId storeId, String reason, String subjectRef) {
        ScheduleCareTask command = new ScheduleCareTask(CareTaskId.forTrigger(kind, triggerKey), customerId, kind,
                dueAt, assignee, storeId, reason, subjectRef, StaffId.SYSTEM);
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            if (!isAlreadyScheduled(e)) {
                throw e;
            }
        }
    }

    /**
     * The task exists already: refused by the task itself, or, when two deliveries raced, by the event store's
     * unique stream start. Looked for along the causes, as a gateway may wrap the failure.
     */
    static boolean isAlreadyScheduled(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CommandRejectedException rejected && rejected.code() == ErrorCode.ALREADY_EXISTS
                    || cause instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }
}
