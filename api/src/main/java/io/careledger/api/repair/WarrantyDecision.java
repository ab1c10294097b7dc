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

    /** The decision in words, for people (derived: not stored). */
    public String reason() {
        return switch (path) {
            case RETURN_OR_EXCHANGE -> "day " + daysSinceSale + " after the sale: the ordinary return or exchange applies";
            case FREE_REPAIR -> "within the warranty (until " + warrantyEndsOn + ") and no misuse suspected: free repair";
            case PAID_REPAIR -> misuseSuspected ? "misuse suspected: quoted paid repair"
                    : warrantyEndsOn == null ? "no warranty for this material: quoted paid repair"
                    : "warranty ended " + warrantyEndsOn + ": quoted paid repair";
        };
    }
}
