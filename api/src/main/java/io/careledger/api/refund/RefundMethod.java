package io.careledger.api.refund;

/** How the goods come back (DOMAIN.md §5 channels). */
public enum RefundMethod {
    STORE_DESK, HOME_PICKUP, SELF_SERVICE_KIOSK, APP
}
