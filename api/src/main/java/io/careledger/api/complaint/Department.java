package io.careledger.api.complaint;

/** The department a complaint is routed to. */
public enum Department {
    STORE_SERVICE_DESK,
    STORE_OPERATIONS,
    QUALITY_CONTROL,
    WAREHOUSING_AND_DISTRIBUTION,
    SALES,
    HEAD_OFFICE_AFTER_SALES
}
