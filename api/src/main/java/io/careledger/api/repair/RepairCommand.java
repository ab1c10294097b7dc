package io.careledger.api.repair;

import io.careledger.api.common.StaffId;

/** Every command on a repair names the repair and the staff member acting. */
public interface RepairCommand {
    RepairId repairId();

    StaffId actor();
}
