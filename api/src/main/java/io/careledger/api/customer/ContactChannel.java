package io.careledger.api.customer;

/** How a customer prefers to be reached for care and follow-ups (DOMAIN.md §1, §3). */
public enum ContactChannel {
    PHONE_CALL, SMS, EMAIL, APP_MESSAGE
}
