package io.careledger.api.customer;

import io.careledger.api.common.StaffId;
import java.time.Instant;

/** Every fact of a customer's file. The set is closed so readers can switch over it exhaustively. */
public sealed interface CustomerEvent
        permits CustomerRegistered, CustomerProfileUpdated, ProfileNoteRecorded, CustomerTagged, CustomerUntagged,
        ConsentGiven, ConsentWithdrawn, PurchaseRecorded, VipUpgraded, VipDowngraded, TierRetained, PointsRedeemed,
        ReferralRecorded, SpendMilestoneReached, BirthdayApproaching, CustomerBecameDormant, SurveyResponseRecorded,
        CustomerPersonalDataErased {

    CustomerId customerId();

    /** Business time of the fact, from the deciding side's clock. */
    Instant occurredAt();

    /** Who caused it; {@link StaffId#SYSTEM} for deadlines and automatic policies. */
    StaffId by();
}
