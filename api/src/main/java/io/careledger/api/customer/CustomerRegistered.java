package io.careledger.api.customer;

import io.careledger.api.common.PersonalData;
import io.careledger.api.common.Channel;
import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** A customer was registered, at tier MEMBER. Fields after {@code consents} are absent (null) in events stored before they existed. */
@EventName("customer.registered")
@Revision("1")
public record CustomerRegistered(
        CustomerId customerId,
        @PersonalData String name,
        @PersonalData String phone,
        @PersonalData String email,
        Gender gender,
        @PersonalData LocalDate birthday,
        StoreId homeStoreId,
        Channel channel,
        Set<ConsentPurpose> consents,
        @PersonalData String address,
        String clothingSize,
        ContactChannel preferredContact,
        Tier tier,
        StaffId registeredBy,
        Instant occurredAt) implements CustomerEvent {

    @Override
    public StaffId by() {
        return registeredBy;
    }
}
