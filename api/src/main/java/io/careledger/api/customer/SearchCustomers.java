package io.careledger.api.customer;

import io.careledger.api.common.StoreId;
import java.util.Set;

/**
 * Customer search over the read model. {@code text} matches name, phone, e-mail, tags and notes (Chinese or
 * English); {@code tier} and {@code homeStoreId} filter. Best match first when there is text, newest
 * registration first otherwise. {@code after} is an opaque cursor. {@code withinStores} (null: every store) keeps
 * the answer to customers whose home store is one of them. Answers {@link CustomerPage}.
 */
public record SearchCustomers(String text, Tier tier, StoreId homeStoreId, int first, String after,
                              Set<StoreId> withinStores) {

    public static final int MAX_PAGE_SIZE = 100;

    public SearchCustomers {
        withinStores = withinStores == null ? null : Set.copyOf(withinStores);
    }

    /** A search over customers of every store. */
    public SearchCustomers(String text, Tier tier, StoreId homeStoreId, int first, String after) {
        this(text, tier, homeStoreId, first, after, null);
    }
}
