package io.careledger.api.customer;

/** What a customer may agree to, each given and withdrawn on its own (DOMAIN.md §1). */
public enum ConsentPurpose {
    DATA_PROCESSING, MARKETING_SMS, MARKETING_EMAIL, PROFILING
}
