package io.careledger.api.repair;

import java.time.LocalDate;

/**
 * The warranty policy's decision and what it saw: the sale and registration dates (in the policy's zone), the
 * days between them, the warranty end for the material, whether misuse was suspected.
 */
public record WarrantyDecision(
        RepairPath path,
        String policyVersion,
        LocalDate soldOn,
        LocalDate registeredOn,
        long daysSinceSale,
        LocalDate warrantyEndsOn,
        boolean misuseSuspected) {

    public boolean freeOfCharge() {
        return path == RepairPath.FREE_REPAIR;
    }
}
