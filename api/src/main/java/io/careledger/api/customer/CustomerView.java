package io.careledger.api.customer;

import io.careledger.api.common.StoreId;
import java.time.Instant;

public record CustomerView(CustomerId id, String name, Tier tier, StoreId homeStoreId, Instant registeredAt) {
}
