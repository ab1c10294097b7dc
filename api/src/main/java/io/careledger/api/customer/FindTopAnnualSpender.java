package io.careledger.api.customer;

import io.careledger.api.common.StoreId;
import java.util.Optional;
import java.util.Set;

/**
 * The customer whose purchases in {@code year} (UTC) add up highest among customers whose home store is one
 * of {@code homeStores} (a region). Answers {@code Optional<TopSpender>}.
 */
public record FindTopAnnualSpender(int year, Set<StoreId> homeStores) {
}
