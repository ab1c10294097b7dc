package io.careledger.api.customer;

import io.careledger.api.common.StoreId;

/**
 * Customer search over the read model. {@code text} matches name, phone, e-mail, tags and notes (Chinese or
 * English); {@code tier} and {@code homeStoreId} filter. Best match first when there is text, newest
 * registration first otherwise. {@code after} is an opaque cursor. Answers {@link CustomerPage}.
 */
public record SearchCustomers(String text, Tier tier, StoreId homeStoreId, int first, String after) {

    public static final int MAX_PAGE_SIZE = 100;
}
