package io.careledger.command.complaint;

import static io.careledger.api.complaint.ComplaintStatus.ACKNOWLEDGED;
import static io.careledger.api.complaint.ComplaintStatus.CLOSED;
import static io.careledger.api.complaint.ComplaintStatus.FILED;
import static io.careledger.api.complaint.ComplaintStatus.FOLLOWED_UP;
import static io.careledger.api.complaint.ComplaintStatus.IN_PROGRESS;
import static io.careledger.api.complaint.ComplaintStatus.REOPENED;
import static io.careledger.api.complaint.ComplaintStatus.RESOLUTION_PROPOSED;
import static io.careledger.api.complaint.ComplaintStatus.RESOLVED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.careledger.api.common.StaffId;
import io.careledger.api.complaint.AcceptResolution;
import io.careledger.api.complaint.AcknowledgeComplaint;
import io.careledger.api.complaint.CloseComplaint;
import io.careledger.api.complaint.Compensation;
import io.careledger.api.complaint.ComplaintAcknowledged;
import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.complaint.ComplaintClosed;
import io.careledger.api.complaint.ComplaintContactLogged;
import io.careledger.api.complaint.ComplaintDeadlineMissed;
import io.careledger.api.complaint.ComplaintEscalated;
import io.careledger.api.complaint.ComplaintFiled;
import io.careledger.api.complaint.ComplaintFollowedUp;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.complaint.ComplaintReopened;
import io.careledger.api.complaint.ComplaintResolved;
import io.careledger.api.complaint.ComplaintStatus;
import io.careledger.api.complaint.ContactKind;
import io.careledger.api.complaint.DeadlineKind;
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
import io.careledger.api.error.CommandRejectedException;
import io.careledger.api.error.ErrorCode;
import io.careledger.command.common.Validate;
import io.careledger.command.complaint.policy.FirstContactFacts;
import io.careledger.command.complaint.policy.FirstContactResolutionPolicy;
import io.careledger.command.complaint.policy.RoutingPolicy;
import io.careledger.command.complaint.policy.SeverityDecision;
import io.careledger.command.complaint.policy.SeverityPolicy;
import io.careledger.command.customer.KnownCustomers;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A complaint from filing to closing (DOMAIN.md §4). It keeps only what its decisions need; the read side
 * builds the full case (contacts, owner, proposals) from the events. Policies, the clock, the deadline manager
 * and the customer port arrive as handler parameters, so the aggregate holds no references to collaborators
 * and the same code runs under the test fixture and under Spring.
 */
public class ComplaintAggregate {

    /** Stored with every pending deadline; renaming it orphans them. */
    private static final String FIRST_RESPONSE_DEADLINE = "complaint-first-response";
    private static final String FIRST_RESPONSE_MISSED = "first-response deadline missed";
    private static final int TEXT_MAX = 4000;
    private static final int TRANSCRIPT_MAX = 20_000;

    @AggregateIdentifier
    private ComplaintId complaintId;
    private ComplaintCategory category;
    private ComplaintStatus status;
    private Severity severity;
    private Instant filedAt;
    private Instant responseDueAt;
    private FirstContactFacts firstContactFacts;

    /** Axon rebuilds the complaint from its events through this constructor. */
    protected ComplaintAggregate() {
    }

    @CommandHandler
    public ComplaintAggregate(FileComplaint command, KnownCustomers customers, SeverityPolicy severityPolicy,
                              RoutingPolicy routingPolicy, DeadlineManager deadlines, Clock clock) {
        validate(command);
        if (!customers.exists(command.customerId())) {
            throw new CommandRejectedException(ErrorCode.NOT_FOUND,
                    "No customer " + command.customerId() + " is registered", "customerId");
        }
        if (customers.personalDataErased(command.customerId())) {
            // A description is the customer's own words: it would be stored unreadable, so it is refused instead.
            throw new CommandRejectedException(ErrorCode.PERSONAL_DATA_ERASED, "Customer " + command.customerId()
                    + "'s personal data was erased; no complaint with a description can be filed for them",
                    "customerId");
        }
        Instant now = clock.instant();
        SeverityDecision decision = severityPolicy.decide(command.category(), now);
        apply(new ComplaintFiled(command.complaintId(), command.customerId(), command.channel(), command.category(),
                command.description(), command.storeId(), command.orderId(), command.transcript(),
                decision.severity(), routingPolicy.departmentFor(command.category(), decision.severity()),
                decision.responseDueAt(), decision.policyVersion(), routingPolicy.version(), command.actor(), now));
        scheduleFirstResponse(deadlines, decision.severity(), decision.responseDueAt());
    }

    private static void validate(FileComplaint command) {
        Validate.required(command.customerId(), "customerId");
        Validate.required(command.channel(), "channel");
        Validate.required(command.category(), "category");
        Validate.required(command.storeId(), "storeId");
        Validate.text(command.description(), "description", TEXT_MAX);
        Validate.optionalText(command.transcript(), "transcript", TRANSCRIPT_MAX);
        Validate.required(command.actor(), "actor");
    }

    /** The first to acknowledge owns the case for good (首问负责制); the read side takes the owner from here. */
    @CommandHandler
    public void handle(AcknowledgeComplaint command, DeadlineManager deadlines, Clock clock) {
        requireStatus(command, FILED);
        Validate.required(command.actor(), "actor");
        Instant now = clock.instant();
        apply(new ComplaintAcknowledged(complaintId, !now.isAfter(responseDueAt), command.actor(), now));
        deadlines.cancelAllWithinScope(FIRST_RESPONSE_DEADLINE);
    }

    @CommandHandler
    public void handle(LogComplaintContact command, Clock clock) {
        if (status == FILED) {
            throw transitionRefused(command, "must be acknowledged first");
        }
        if (status == CLOSED) {
            throw transitionRefused(command, "must be reopened first");
        }
        Validate.required(command.kind(), "kind");
        Validate.text(command.summary(), "summary", TEXT_MAX);
        Validate.required(command.actor(), "actor");
        apply(new ComplaintContactLogged(complaintId, command.kind(), command.summary(), command.actor(),
                clock.instant()));
    }

    /** Escalation by hand. Whether the actor may escalate (a supervisor) is checked at the edge. */
    @CommandHandler
    public void handle(EscalateComplaint command, SeverityPolicy severityPolicy, RoutingPolicy routingPolicy,
                       DeadlineManager deadlines, Clock clock) {
        if (status == CLOSED) {
            throw transitionRefused(command, "must be reopened first");
        }
        if (severity.isHighest()) {
            throw new CommandRejectedException(ErrorCode.ALREADY_AT_HIGHEST_LEVEL,
                    "Complaint " + complaintId + " is already at " + severity + ", the highest level");
        }
        Validate.text(command.reason(), "reason", TEXT_MAX);
        Validate.required(command.actor(), "actor");
        escalate(new Escalation(command.reason(), null, command.actor()), severityPolicy, routingPolicy,
                deadlines, clock.instant());
    }

    /**
     * A complaint nobody acknowledged in time is recorded as a breach and, below the highest level, escalated
     * one level with a fresh deadline of that level (DOMAIN.md §4). Stale deadlines are ignored.
     */
    @DeadlineHandler(deadlineName = FIRST_RESPONSE_DEADLINE)
    public void onFirstResponseDeadline(FirstResponseDeadline deadline, SeverityPolicy severityPolicy,
                                        RoutingPolicy routingPolicy, DeadlineManager deadlines, Clock clock) {
        if (status != FILED || deadline.plannedFor() != severity) {
            return;
        }
        Instant now = clock.instant();
        apply(new ComplaintDeadlineMissed(complaintId, DeadlineKind.FIRST_RESPONSE, responseDueAt, severity,
                StaffId.SYSTEM, now));
        if (!severity.isHighest()) {
            escalate(new Escalation(FIRST_RESPONSE_MISSED, DeadlineKind.FIRST_RESPONSE, StaffId.SYSTEM),
                    severityPolicy, routingPolicy, deadlines, now);
        }
    }

    /**
     * One level up. While nobody has answered, the first-response deadline is re-planned for the new level from
     * now: the case waits for that level's people now, and they get their level's time from when it reaches them.
     */
    private void escalate(Escalation escalation, SeverityPolicy severityPolicy, RoutingPolicy routingPolicy,
                          DeadlineManager deadlines, Instant now) {
        Severity to = severity.next();
        Instant newResponseDueAt = status == FILED ? severityPolicy.firstResponseDueAt(to, now) : null;
        apply(new ComplaintEscalated(complaintId, severity, to, routingPolicy.departmentFor(category, to),
                escalation.reason(), escalation.breachedDeadline() != null, escalation.breachedDeadline(),
                newResponseDueAt, severityPolicy.version(), escalation.by(), now));
        if (newResponseDueAt != null) {
            deadlines.cancelAllWithinScope(FIRST_RESPONSE_DEADLINE);
            scheduleFirstResponse(deadlines, to, newResponseDueAt);
        }
    }

    private static void scheduleFirstResponse(DeadlineManager deadlines, Severity level, Instant dueAt) {
        deadlines.schedule(dueAt, FIRST_RESPONSE_DEADLINE, new FirstResponseDeadline(level));
    }

    @CommandHandler
    public void handle(ProposeResolution command, Clock clock) {
        requireStatus(command, ACKNOWLEDGED, IN_PROGRESS, REOPENED);
        Validate.text(command.resolution(), "resolution", TEXT_MAX);
        List<Compensation> compensation = command.compensation() == null ? List.of() : command.compensation();
        for (int i = 0; i < compensation.size(); i++) {
            validate(compensation.get(i), "compensation[" + i + "]");
        }
        Validate.required(command.actor(), "actor");
        apply(new ResolutionProposed(complaintId, command.resolution(), List.copyOf(compensation), command.actor(),
                clock.instant()));
    }

    private static void validate(Compensation item, String field) {
        Validate.required(item, field);
        Validate.required(item.kind(), field + ".kind");
        Validate.optionalText(item.description(), field + ".description", TEXT_MAX);
    }

    @CommandHandler
    public void handle(AcceptResolution command, Clock clock) {
        requireStatus(command, RESOLUTION_PROPOSED);
        Validate.optionalText(command.note(), "note", TEXT_MAX);
        Validate.required(command.actor(), "actor");
        apply(new ComplaintResolved(complaintId, command.note(),
                FirstContactResolutionPolicy.resolvedAtFirstContact(firstContactFacts), filedAt, command.actor(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(RejectResolution command, Clock clock) {
        requireStatus(command, RESOLUTION_PROPOSED);
        Validate.optionalText(command.note(), "note", TEXT_MAX);
        Validate.required(command.actor(), "actor");
        apply(new ResolutionRejected(complaintId, command.note(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(RecordComplaintFollowUp command, Clock clock) {
        requireStatus(command, RESOLVED);
        if (command.satisfaction() < 1 || command.satisfaction() > 5) {
            throw Validate.invalid("satisfaction", "satisfaction must be from 1 to 5");
        }
        Validate.optionalText(command.comment(), "comment", TEXT_MAX);
        Validate.required(command.actor(), "actor");
        apply(new ComplaintFollowedUp(complaintId, command.satisfaction(), command.comment(), command.actor(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(CloseComplaint command, Clock clock) {
        requireStatus(command, RESOLVED, FOLLOWED_UP);
        Validate.optionalText(command.reason(), "reason", TEXT_MAX);
        Validate.required(command.actor(), "actor");
        apply(new ComplaintClosed(complaintId, command.reason(), command.actor(), clock.instant()));
    }

    @CommandHandler
    public void handle(ReopenComplaint command, Clock clock) {
        requireStatus(command, CLOSED);
        Validate.text(command.reason(), "reason", TEXT_MAX);
        Validate.required(command.actor(), "actor");
        apply(new ComplaintReopened(complaintId, command.reason(), command.actor(), clock.instant()));
    }

    private void requireStatus(Object command, ComplaintStatus first, ComplaintStatus... rest) {
        Set<ComplaintStatus> allowed = EnumSet.of(first, rest);
        if (!allowed.contains(status)) {
            throw transitionRefused(command, "must be " + String.join(" or ",
                    allowed.stream().map(ComplaintStatus::name).toList()));
        }
    }

    private CommandRejectedException transitionRefused(Object command, String requirement) {
        return new CommandRejectedException(ErrorCode.INVALID_TRANSITION,
                "%s is not possible: complaint %s is %s and %s".formatted(
                        command.getClass().getSimpleName(), complaintId, status, requirement));
    }

    @EventSourcingHandler
    void on(ComplaintFiled event) {
        complaintId = event.complaintId();
        category = event.category();
        status = FILED;
        severity = event.severity();
        filedAt = event.occurredAt();
        responseDueAt = event.responseDueAt();
        firstContactFacts = FirstContactFacts.NONE;
    }

    @EventSourcingHandler
    void on(ComplaintAcknowledged event) {
        status = ACKNOWLEDGED;
    }

    /** The first contact after acknowledging or reopening means work has started on the case. */
    @EventSourcingHandler
    void on(ComplaintContactLogged event) {
        if (status == ACKNOWLEDGED || status == REOPENED) {
            status = IN_PROGRESS;
        }
        if (event.kind() == ContactKind.TRANSFER) {
            firstContactFacts = firstContactFacts.withTransfer();
        }
    }

    @EventSourcingHandler
    void on(ComplaintEscalated event) {
        severity = event.to();
        firstContactFacts = firstContactFacts.withEscalation();
        if (event.responseDueAt() != null) {
            responseDueAt = event.responseDueAt();
        }
    }

    @EventSourcingHandler
    void on(ResolutionProposed event) {
        status = RESOLUTION_PROPOSED;
    }

    @EventSourcingHandler
    void on(ResolutionRejected event) {
        status = IN_PROGRESS;
        firstContactFacts = firstContactFacts.withRejectedResolution();
    }

    @EventSourcingHandler
    void on(ComplaintResolved event) {
        status = RESOLVED;
    }

    @EventSourcingHandler
    void on(ComplaintFollowedUp event) {
        status = FOLLOWED_UP;
    }

    @EventSourcingHandler
    void on(ComplaintClosed event) {
        status = CLOSED;
    }

    @EventSourcingHandler
    void on(ComplaintReopened event) {
        status = REOPENED;
        firstContactFacts = firstContactFacts.withReopening();
    }

    /** Why and by whom a complaint goes up a level; a breached deadline makes it automatic. */
    private record Escalation(String reason, DeadlineKind breachedDeadline, StaffId by) {
    }
}
