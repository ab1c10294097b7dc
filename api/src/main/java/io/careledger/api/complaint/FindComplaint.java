package io.careledger.api.complaint;

/** The complaint from the read model (eventually consistent). Answers {@code Optional<ComplaintView>}. */
public record FindComplaint(ComplaintId complaintId) {
}
