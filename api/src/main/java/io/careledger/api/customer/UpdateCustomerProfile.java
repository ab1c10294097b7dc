package io.careledger.api.customer;

import io.careledger.api.common.PersonalData;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Changes hard-profile fields. A null field means "leave as it is"; a field equal to the current value is
 * not a change. Only the fields that really change are recorded; a command that changes nothing records nothing.
 */
public record UpdateCustomerProfile(
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
        StaffId actor) implements CustomerCommand {
}
