package io.careledger.api.metrics;

import io.careledger.api.common.StaffId;

/**
 * One staff member's figures over a range (docs/metrics.md defines each); a rate or average without a
 * denominator is null.
 *
 * @param complaintsOwned          complaints filed in the range that the staff member acknowledged first (and so owns)
 * @param followUpsAssigned        follow-up calls assigned to them and due in the range (skipped ones excluded)
 * @param followUpsCompleted       of those, the ones completed
 * @param followUpCompletionRate   completed / assigned
 * @param followUpsDone            follow-up calls they completed in the range, whoever they were assigned to
 */
public record StaffMetrics(
        StaffId staffId,
        long complaintsOwned,
        Double avgFirstResponseMinutes,
        Double firstContactResolutionRate,
        long followUpsAssigned,
        long followUpsCompleted,
        Double followUpCompletionRate,
        long followUpsDone,
        Double csatAverage,
        long csatCount) {
}
