package io.careledger.api.complaint;

/** What a complaint is about. Its severity level and department come from policy data, not from here. */
public enum ComplaintCategory {
    PRICE_DISPUTE,
    WRONG_ITEM,
    FRESH_SPOILAGE,
    EQUIPMENT_FAILURE,
    PRODUCT_QUALITY,
    PACKAGING_DAMAGE,
    STAFF_ATTITUDE,
    DELIVERY,
    FOOD_SAFETY,
    BATCH_COMPLAINT
}
