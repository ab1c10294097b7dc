package io.careledger.command.care;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.careledger.api.care.CareOutcome;
import io.careledger.api.care.CareTaskCompleted;
import io.careledger.api.care.CareTaskId;
import io.careledger.api.care.CareTaskKind;
import io.careledger.api.care.CareTaskOverdue;
import io.careledger.api.care.CareTaskScheduled;
import io.careledger.api.care.CareTaskSkipped;
import io.careledger.api.care.CareTaskStatus;
import io.careledger.api.care.CompleteCareTask;
import io.careledger.api.care.ScheduleCareTask;
import io.careledger.api.common.StaffId;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.error.CommandRejectedException;
import io.careledger.api.error.ErrorCode;
import io.careledger.command.care.policy.CareConsentPolicy;
import io.careledger.command.care.policy.CareDecision;
import io.careledger.command.care.policy.ContactPermissions;
import io.careledger.command.common.Validate;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

/**
 * A care or follow-up task (DOMAIN.md §2-3): scheduled, or recorded as skipped when the customer's consents rule
 * it out; overdue when its due time passes; done when staff report it, which counts toward their KPI.
 */
public class CareTaskAggregate {

    /** Stored with every pending deadline; renaming it orphans them. */
    static final String OVERDUE_DEADLINE = "care-task-overdue";
    private static final int REASON_MAX = 500;
    private static final int SUBJECT_REF_MAX = 200;
    private static final int NOTES_MAX = 2000;

    @AggregateIdentifier
    private CareTaskId careTaskId;
    private CustomerId customerId;
    private CareTaskKind kind;
    private CareTaskStatus status;
    private Instant dueAt;
    private StaffId assignee;

    /** Axon rebuilds a task from its events through this constructor, and makes a new one with it. */
    protected CareTaskAggregate() {
    }

    /**
     * Creates the task. Not a constructor handler: a task id taken already must be refused while the command is
     * handled. Triggers send this from an event processor, where the new task's events are stored only when the
     * processor's batch commits; a duplicate found by the store then would fail the whole batch, again at every
     * retry. Loading first ({@code CREATE_IF_MISSING}) turns a repeated trigger into ALREADY_EXISTS here, which
     * the care process can ignore.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ScheduleCareTask command, CustomerContactPermissions customers,
                       CareConsentPolicy consentPolicy, DeadlineManager deadlines, Clock clock) {
        if (careTaskId != null) {
            throw new CommandRejectedException(ErrorCode.ALREADY_EXISTS,
                    "Care task " + careTaskId + " exists already", "careTaskId");
        }
        validate(command);
        ContactPermissions permissions = customers.of(command.customerId())
                .orElseThrow(() -> new CommandRejectedException(ErrorCode.NOT_FOUND,
                        "No customer " + command.customerId() + " is registered", "customerId"));
        CareDecision decision = consentPolicy.decide(command.kind(), permissions);
        Instant now = clock.instant();
        if (decision.isSkipped()) {
            apply(new CareTaskSkipped(command.careTaskId(), command.customerId(), command.kind(),
                    decision.skipReason(), command.assignee(), command.storeId(), command.reason(),
                    command.subjectRef(), decision.policyVersion(), command.actor(), now));
            return;
        }
        apply(new CareTaskScheduled(command.careTaskId(), command.customerId(), command.kind(), command.dueAt(),
                command.assignee(), command.storeId(), decision.channel(), command.reason(), command.subjectRef(),
                decision.policyVersion(), command.actor(), now));
        // A due time already past (a purchase recorded late) makes the task overdue at once, which is the truth.
        deadlines.schedule(command.dueAt(), OVERDUE_DEADLINE, new OverdueDeadline(command.dueAt()));
    }

    private static void validate(ScheduleCareTask command) {
        Validate.required(command.customerId(), "customerId");
        Validate.required(command.kind(), "kind");
        Validate.required(command.dueAt(), "dueAt");
        Validate.optionalMultilineText(command.reason(), "reason", REASON_MAX);
        Validate.optionalLine(command.subjectRef(), "subjectRef", SUBJECT_REF_MAX);
        Validate.required(command.actor(), "actor");
    }

    @DeadlineHandler(deadlineName = OVERDUE_DEADLINE)
    void onOverdue(OverdueDeadline deadline, Clock clock) {
        if (status != CareTaskStatus.OPEN) {
            return;
        }
        apply(new CareTaskOverdue(careTaskId, customerId, kind, dueAt, assignee, StaffId.SYSTEM, clock.instant()));
    }

    /**
     * Staff report the task done. It counts as overdue when done after its due time, whether or not the overdue
     * deadline has fired yet (the scheduler polls, so it may lag by seconds).
     */
    @CommandHandler
    public void handle(CompleteCareTask command, DeadlineManager deadlines, Clock clock) {
        if (status == CareTaskStatus.DONE || status == CareTaskStatus.SKIPPED) {
            throw new CommandRejectedException(ErrorCode.INVALID_TRANSITION,
                    "CompleteCareTask is not possible: care task " + careTaskId + " is " + status);
        }
        Validate.required(command.outcome(), "outcome");
        Validate.optionalMultilineText(command.notes(), "notes", NOTES_MAX);
        Instant now = clock.instant();
        if (command.outcome() == CareOutcome.CALLBACK_AGREED) {
            Validate.required(command.callbackAt(), "callbackAt");
            if (!command.callbackAt().isAfter(now)) {
                throw Validate.invalid("callbackAt", "callbackAt must be in the future");
            }
        } else if (command.callbackAt() != null) {
            throw Validate.invalid("callbackAt", "callbackAt is only for the outcome CALLBACK_AGREED");
        }
        Validate.required(command.actor(), "actor");
        boolean overdue = status == CareTaskStatus.OVERDUE || now.isAfter(dueAt);
        apply(new CareTaskCompleted(careTaskId, customerId, kind, command.outcome(), command.notes(),
                command.callbackAt(), overdue, command.actor(), now));
        deadlines.cancelAllWithinScope(OVERDUE_DEADLINE);
    }

    @EventSourcingHandler
    void on(CareTaskScheduled event) {
        careTaskId = event.careTaskId();
        customerId = event.customerId();
        kind = event.kind();
        status = CareTaskStatus.OPEN;
        dueAt = event.dueAt();
        assignee = event.assignee();
    }

    @EventSourcingHandler
    void on(CareTaskSkipped event) {
        careTaskId = event.careTaskId();
        customerId = event.customerId();
        kind = event.kind();
        status = CareTaskStatus.SKIPPED;
        assignee = event.assignee();
    }

    @EventSourcingHandler
    void on(CareTaskOverdue event) {
        status = CareTaskStatus.OVERDUE;
    }

    @EventSourcingHandler
    void on(CareTaskCompleted event) {
        status = CareTaskStatus.DONE;
    }
}
