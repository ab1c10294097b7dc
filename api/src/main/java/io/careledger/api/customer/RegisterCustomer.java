package io.careledger.api.customer;

import io.careledger.api.common.Channel;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import java.time.LocalDate;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registration asks only for name and phone; the rest is optional and given by the customer's choice. */
public record RegisterCustomer(
        @TargetAggregateIdentifier CustomerId customerId,
        String name,
        String phone,
        String email,
        Gender gender,
        LocalDate birthday,
        String address,
        String clothingSize,
        StoreId homeStoreId,
        ContactChannel preferredContact,
        Channel channel,
        Set<ConsentPurpose> consents,
        StaffId actor) implements CustomerCommand {
}
