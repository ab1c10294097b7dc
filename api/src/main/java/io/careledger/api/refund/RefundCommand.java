package io.careledger.api.refund;

import io.careledger.api.common.StaffId;

/** Every command on a refund names the refund and the staff member acting. */
public interface RefundCommand {
    RefundId refundId();

    StaffId actor();
}
