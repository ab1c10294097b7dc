package io.careledger.query.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.careledger.api.common.Channel;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.Compensation;
import io.careledger.api.complaint.ComplaintAcknowledged;
import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.complaint.ComplaintClosed;
import io.careledger.api.complaint.ComplaintContactLogged;
import io.careledger.api.complaint.ComplaintDeadlineMissed;
import io.careledger.api.complaint.ComplaintEscalated;
import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.complaint.ComplaintFiled;
import io.careledger.api.complaint.ComplaintFollowedUp;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.complaint.ComplaintReopened;
import io.careledger.api.complaint.ComplaintResolved;
import io.careledger.api.complaint.ComplaintStatus;
import io.careledger.api.complaint.ComplaintView;
import io.careledger.api.complaint.ContactView;
import io.careledger.api.complaint.DeadlineKind;
import io.careledger.api.complaint.Department;
import io.careledger.api.complaint.ResolutionProposed;
import io.careledger.api.complaint.ResolutionRejected;
import io.careledger.api.complaint.Severity;
import io.careledger.api.customer.CustomerId;

/**
 * How one complaint event changes what readers see. Pure, so the live projection, a rebuild and the
 * as-of replay of stored events all agree on the same view for the same events.
 */
public final class ComplaintFold {

    private ComplaintFold() {
    }

    /**
     * @param state    the view before the event; null only before the complaint was filed
     * @param sequence the event's sequence number in the complaint's stream, recorded as the view's version
     * @throws IllegalStateException for an event of a complaint that was never filed
     */
    public static ComplaintView apply(ComplaintView state, ComplaintEvent event, long sequence) {
        if (event instanceof ComplaintFiled filed) {
            return filed(filed, sequence);
        }
        if (state == null) {
            throw new IllegalStateException("Complaint " + event.caseId() + " has a "
                    + event.getClass().getSimpleName() + " (sequence " + sequence + ") but was never filed");
        }
        Draft draft = new Draft(state);
        if (event instanceof ComplaintAcknowledged) {
            draft.status = ComplaintStatus.ACKNOWLEDGED;
            draft.owner = event.by();
            draft.firstRespondedAt = event.occurredAt();
        } else if (event instanceof ComplaintContactLogged contact) {
            draft.contacts.add(new ContactView(contact.kind(), contact.summary(), contact.by(), contact.occurredAt()));
            if (draft.status == ComplaintStatus.ACKNOWLEDGED || draft.status == ComplaintStatus.REOPENED) {
                draft.status = ComplaintStatus.IN_PROGRESS;
            }
        } else if (event instanceof ComplaintDeadlineMissed missed) {
            draft.slaBreached = true;
            draft.breachedDeadlines.add(missed.deadline());
        } else if (event instanceof ComplaintEscalated escalated) {
            draft.severity = escalated.to();
            if (escalated.department() != null) {
                draft.department = escalated.department();
            }
            if (escalated.responseDueAt() != null) {
                draft.responseDueAt = escalated.responseDueAt();
            }
            draft.escalationCount++;
        } else if (event instanceof ResolutionProposed proposed) {
            draft.status = ComplaintStatus.RESOLUTION_PROPOSED;
            draft.resolution = proposed.resolution();
            draft.compensation = proposed.compensation() == null ? List.of() : List.copyOf(proposed.compensation());
        } else if (event instanceof ResolutionRejected) {
            draft.status = ComplaintStatus.IN_PROGRESS;
            draft.rejectedResolutions++;
        } else if (event instanceof ComplaintResolved resolved) {
            draft.status = ComplaintStatus.RESOLVED;
            draft.resolvedAt = resolved.occurredAt();
            draft.firstContactResolution = resolved.firstContactResolution();
        } else if (event instanceof ComplaintFollowedUp followedUp) {
            draft.status = ComplaintStatus.FOLLOWED_UP;
            draft.satisfaction = followedUp.satisfaction();
        } else if (event instanceof ComplaintClosed) {
            draft.status = ComplaintStatus.CLOSED;
            draft.closedAt = event.occurredAt();
        } else if (event instanceof ComplaintReopened) {
            draft.status = ComplaintStatus.REOPENED;
            draft.reopenCount++;
            draft.closedAt = null;
            // A reopened case no longer counts as resolved at first contact (see ComplaintReopened).
            if (draft.firstContactResolution != null) {
                draft.firstContactResolution = false;
            }
        } else {
            // Unreachable while every permitted ComplaintEvent has a branch above (ComplaintFoldTest checks).
            throw new IllegalArgumentException("No fold for " + event.getClass().getName());
        }
        return draft.toView(sequence, event.occurredAt());
    }

    private static ComplaintView filed(ComplaintFiled filed, long sequence) {
        return new ComplaintView(filed.complaintId(), filed.customerId(), filed.channel(), filed.category(),
                filed.description(), filed.transcript(), filed.storeId(), filed.orderId(), filed.severity(),
                filed.department(), ComplaintStatus.FILED, filed.by(), null, filed.occurredAt(),
                filed.responseDueAt(), null, null, null, false, List.of(), 0, List.of(), null, List.of(), 0, null,
                null, 0, sequence, filed.occurredAt());
    }

    /** The mutable working copy of a view while one event is folded in. */
    private static final class Draft {
        private final ComplaintId id;
        private final CustomerId customerId;
        private final Channel channel;
        private final ComplaintCategory category;
        private final String description;
        private final String transcript;
        private final StoreId storeId;
        private final OrderId orderId;
        private Severity severity;
        private Department department;
        private ComplaintStatus status;
        private final StaffId filedBy;
        private StaffId owner;
        private final Instant filedAt;
        private Instant responseDueAt;
        private Instant firstRespondedAt;
        private Instant resolvedAt;
        private Instant closedAt;
        private boolean slaBreached;
        private final List<DeadlineKind> breachedDeadlines;
        private int escalationCount;
        private final List<ContactView> contacts;
        private String resolution;
        private List<Compensation> compensation;
        private int rejectedResolutions;
        private Integer satisfaction;
        private Boolean firstContactResolution;
        private int reopenCount;

        private Draft(ComplaintView view) {
            id = view.id();
            customerId = view.customerId();
            channel = view.channel();
            category = view.category();
            description = view.description();
            transcript = view.transcript();
            storeId = view.storeId();
            orderId = view.orderId();
            severity = view.severity();
            department = view.department();
            status = view.status();
            filedBy = view.filedBy();
            owner = view.owner();
            filedAt = view.filedAt();
            responseDueAt = view.responseDueAt();
            firstRespondedAt = view.firstRespondedAt();
            resolvedAt = view.resolvedAt();
            closedAt = view.closedAt();
            slaBreached = view.slaBreached();
            breachedDeadlines = new ArrayList<>(view.breachedDeadlines());
            escalationCount = view.escalationCount();
            contacts = new ArrayList<>(view.contacts());
            resolution = view.resolution();
            compensation = view.compensation();
            rejectedResolutions = view.rejectedResolutions();
            satisfaction = view.satisfaction();
            firstContactResolution = view.firstContactResolution();
            reopenCount = view.reopenCount();
        }

        private ComplaintView toView(long version, Instant updatedAt) {
            return new ComplaintView(id, customerId, channel, category, description, transcript, storeId, orderId,
                    severity, department, status, filedBy, owner, filedAt, responseDueAt, firstRespondedAt,
                    resolvedAt, closedAt, slaBreached, List.copyOf(breachedDeadlines), escalationCount,
                    List.copyOf(contacts), resolution, compensation, rejectedResolutions, satisfaction,
                    firstContactResolution, reopenCount, version, updatedAt);
        }
    }
}
