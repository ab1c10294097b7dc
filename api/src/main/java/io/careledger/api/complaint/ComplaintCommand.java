package io.careledger.api.complaint;

import io.careledger.api.common.StaffId;

/** Every command on a complaint names the complaint and the staff member acting. */
public interface ComplaintCommand {
    ComplaintId complaintId();

    StaffId actor();
}
