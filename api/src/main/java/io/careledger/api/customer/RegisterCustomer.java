package io.careledger.api.customer;

import io.careledger.api.common.PersonalData;
import io.careledger.api.common.Channel;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registration asks only for name and phone; the rest is optional and given by the customer's choice. */
public record RegisterCustomer(
        @TargetAggregateIdentifier CustomerId customerId,
        @PersonalData String name,
        @PersonalData String phone,
        @PersonalData String email,
        Gender gender,
        @PersonalData LocalDate birthday,
        @PersonalData String address,
        String clothingSize,
        StoreId homeStoreId,
        ContactChannel preferredContact,
        Channel channel,
        Set<ConsentPurpose> consents,
        StaffId actor) implements CustomerCommand {
}
