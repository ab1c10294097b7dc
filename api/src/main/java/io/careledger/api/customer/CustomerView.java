package io.careledger.api.customer;

import io.careledger.api.common.Money;
import io.careledger.api.common.StoreId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * A customer as readers see it. From the event store ({@link FindCustomer}: always current, as a mutation
 * reads back its own write) or from the customer read model ({@link SearchCustomers}). {@code openCases}
 * and {@code lastContactAt} come from cases, so they are known only to the read model: null when the view
 * was replayed from the customer's own events. {@code rollingSpend} is the spend in the tier policy's window
 * ending at the last purchase. {@code version} is the sequence number of the last customer event folded in.
 */
public record CustomerView(
        CustomerId id,
        String name,
        String phone,
        String email,
        Gender gender,
        LocalDate birthday,
        String address,
        String clothingSize,
        StoreId homeStoreId,
        ContactChannel preferredContact,
        Set<ConsentPurpose> consents,
        List<String> tags,
        List<ProfileNoteView> notes,
        Tier tier,
        long points,
        Money cumulativeSpend,
        Money rollingSpend,
        CustomerId referredBy,
        Instant registeredAt,
        Instant lastPurchaseAt,
        Integer openCases,
        Instant lastContactAt,
        long version) {
}
