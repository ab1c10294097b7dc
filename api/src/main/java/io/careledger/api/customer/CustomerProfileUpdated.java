package io.careledger.api.customer;

import io.careledger.api.common.PersonalData;
import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Hard-profile fields changed; only the changed fields are set, every other field is null. */
@EventName("customer.profile-updated")
@Revision("1")
public record CustomerProfileUpdated(
        CustomerId customerId,
        @PersonalData String name,
        @PersonalData String phone,
        @PersonalData String email,
        Gender gender,
        @PersonalData LocalDate birthday,
        @PersonalData String address,
        String clothingSize,
        StoreId homeStoreId,
        ContactChannel preferredContact,
        StaffId by,
        Instant occurredAt) implements CustomerEvent {
}
