package io.careledger.api.repair;

/** The repair from the case read model (eventually consistent). Answers {@code Optional<RepairView>}. */
public record FindRepair(RepairId repairId) {
}
