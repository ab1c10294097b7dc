package io.careledger.api.complaint;

import io.careledger.api.cases.CaseEvent;

/** Every fact of a complaint's life. The set is closed so readers can switch over it exhaustively. */
public sealed interface ComplaintEvent extends CaseEvent
        permits ComplaintFiled, ComplaintAcknowledged, ComplaintContactLogged, ComplaintDeadlineMissed,
        ComplaintEscalated, ResolutionProposed, ResolutionRejected, ComplaintResolved, ComplaintFollowedUp,
        ComplaintClosed, ComplaintReopened {

    ComplaintId complaintId();

    @Override
    default String caseId() {
        return complaintId().value();
    }
}
