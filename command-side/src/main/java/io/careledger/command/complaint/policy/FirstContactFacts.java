package io.careledger.command.complaint.policy;

/**
 * What happened to a case that can cost it its first-contact resolution. Kept as four separate facts rather
 * than one flag so that the rule lives in {@link FirstContactResolutionPolicy}, not in the aggregate.
 */
public record FirstContactFacts(boolean transferred, boolean escalated, boolean resolutionRejected, boolean reopened) {

    public static final FirstContactFacts NONE = new FirstContactFacts(false, false, false, false);

    public FirstContactFacts withTransfer() {
        return new FirstContactFacts(true, escalated, resolutionRejected, reopened);
    }

    public FirstContactFacts withEscalation() {
        return new FirstContactFacts(transferred, true, resolutionRejected, reopened);
    }

    public FirstContactFacts withRejectedResolution() {
        return new FirstContactFacts(transferred, escalated, true, reopened);
    }

    public FirstContactFacts withReopening() {
        return new FirstContactFacts(transferred, escalated, resolutionRejected, true);
    }
}
