package io.careledger.api.repair;

/**
 * What the warranty policy decided at registration: within the return window the ordinary return or exchange
 * applies; within the warranty a fault not caused by misuse is repaired free; otherwise a paid repair.
 */
public enum RepairPath {
    RETURN_OR_EXCHANGE, FREE_REPAIR, PAID_REPAIR
}
