package io.careledger.api.repair;

/**
 * Where a repair stands. {@code REFERRED_TO_RETURN} ends a case that belongs to the return path;
 * {@code REGISTERED} waits for the item; {@code IN_REPAIR} has it (with a goods receipt); {@code COMPLETED} and
 * {@code UNREPAIRABLE} wait for the item to go back; {@code RETURNED} is done.
 */
public enum RepairStatus {
    REFERRED_TO_RETURN, REGISTERED, IN_REPAIR, COMPLETED, UNREPAIRABLE, RETURNED
}
