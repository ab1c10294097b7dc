package io.careledger.api.repair;

/** Every free care service redeemed for the garment, oldest first, from the event store. Answers a {@code List<FreeCareRedeemed>}. */
public record FindFreeCareRedemptions(GarmentId garmentId) {
}
