package io.careledger.api.cases;

import io.careledger.api.common.StaffId;
import java.time.Instant;

/** An event in the life of a case (a complaint, a refund). */
public interface CaseEvent {
    String caseId();

    /** Business time of the fact, from the deciding side's clock. */
    Instant occurredAt();

    /** Who caused it; {@link StaffId#SYSTEM} for deadlines and automatic policies. */
    StaffId by();
}
