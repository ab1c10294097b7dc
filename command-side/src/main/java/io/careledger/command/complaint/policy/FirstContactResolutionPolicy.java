package io.careledger.command.complaint.policy;

/**
 * Whether a resolved case counts toward the first-contact resolution rate (DOMAIN.md §4, §8). Decided on the
 * command side, where the whole case is at hand, and recorded on {@code ComplaintResolved}, so that the metric
 * never depends on a projection having seen every earlier event.
 */
public final class FirstContactResolutionPolicy {

    private FirstContactResolutionPolicy() {
    }

    /**
     * Only a case settled by the people who first took it, at the first attempt, counts: any transfer or
     * escalation (by hand or by a missed deadline), a rejected proposal or a reopening means the customer had
     * to come back or wait for someone else.
     */
    public static boolean resolvedAtFirstContact(FirstContactFacts facts) {
        return !(facts.transferred() || facts.escalated() || facts.resolutionRejected() || facts.reopened());
    }
}
