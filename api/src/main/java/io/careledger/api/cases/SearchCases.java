package io.careledger.api.cases;

import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintStatus;
import io.careledger.api.complaint.Department;
import io.careledger.api.complaint.Severity;
import io.careledger.api.refund.RefundStatus;
import io.careledger.api.repair.RepairStatus;
import java.time.Instant;
import java.util.Set;

/**
 * Case search. Every criterion is optional (null = any). {@code text} matches description, transcript,
 * contact summaries and resolution, in Chinese or English. {@code from}/{@code to} bound the opening time (filing, request)
 * (from inclusive, to exclusive).
 * {@code status} filters complaints, {@code refundStatus} refunds, {@code repairStatus} repairs; {@code breached} covers every kind's deadlines. Results are newest first; {@code after} is an opaque cursor from a
 * previous page. {@code withinStores} (null: every store) keeps the answer to a store-scoped staff member's
 * stores. Answers {@link CasePage}.
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
        String after,
        Set<StoreId> withinStores) {

    /** The hard maximum page size. */
    public static final int MAX_PAGE_SIZE = 100;

    public SearchCases {
        withinStores = withinStores == null ? null : Set.copyOf(withinStores);
    }

    /** A search over every store. */
    public SearchCases(String text, CaseKind kind, ComplaintStatus status, RefundStatus refundStatus,
                       RepairStatus repairStatus, Severity severity, StoreId storeId, Department department, StaffId owner,
                       Boolean breached, Instant from, Instant to, int first, String after) {
        this(text, kind, status, refundStatus, repairStatus, severity, storeId, department, owner, breached, from, to,
                first, after, null);
    }
}
