package io.careledger.api.cases;

import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintStatus;
import io.careledger.api.complaint.Department;
import io.careledger.api.complaint.Severity;
import io.careledger.api.refund.RefundStatus;
import io.careledger.api.repair.RepairStatus;
import java.time.Instant;

/**
 * Case search. Every criterion is optional (null = any). {@code text} matches description, transcript,
 * contact summaries and resolution, in Chinese or English. {@code from}/{@code to} bound the opening time (filing, request)
 * (from inclusive, to exclusive).
 * {@code status} filters complaints, {@code refundStatus} refunds, {@code repairStatus} repairs; {@code breached} covers every kind's deadlines. Results are newest first; {@code after} is an opaque cursor from a
 * previous page. Answers {@link CasePage}.
 */
public record SearchCases(
        String text,
        CaseKind kind,
        ComplaintStatus status,
        RefundStatus refundStatus,
        RepairStatus repairStatus,
        Severity severity,
        StoreId storeId,
        Department department,
        StaffId owner,
        Boolean breached,
        Instant from,
        Instant to,
        int first,
        String after) {

    /** The hard maximum page size. */
    public static final int MAX_PAGE_SIZE = 100;
}
