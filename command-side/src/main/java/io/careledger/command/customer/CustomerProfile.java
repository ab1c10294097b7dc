package io.careledger.command.customer;

import io.careledger.api.common.PersonalData;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.ContactChannel;
import io.careledger.api.customer.CustomerProfileUpdated;
import io.careledger.api.customer.CustomerRegistered;
import io.careledger.api.customer.Gender;
import io.careledger.api.customer.UpdateCustomerProfile;
import java.time.LocalDate;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The hard profile (DOMAIN.md §1) as the customer aggregate keeps it, to tell a real change from a repeated
 * value. As a change it holds only the fields that differ, every other field null.
 */
record CustomerProfile(
        String name,
        String phone,
        String email,
        Gender gender,
        LocalDate birthday,
        String address,
        String clothingSize,
        StoreId homeStoreId,
        ContactChannel preferredContact) {

    static CustomerProfile of(CustomerRegistered event) {
        return new CustomerProfile(event.name(), event.phone(), event.email(), event.gender(), event.birthday(),
                event.address(), event.clothingSize(), event.homeStoreId(), event.preferredContact());
    }

    /** The fields of {@code command} that are given and differ from this profile; the others null. */
    CustomerProfile changesRequestedBy(UpdateCustomerProfile command) {
        return new CustomerProfile(
                changed(command.name(), name),
                changed(command.phone(), phone),
                changed(command.email(), email),
                changed(command.gender(), gender),
                changed(command.birthday(), birthday),
                changed(command.address(), address),
                changed(command.clothingSize(), clothingSize),
                changed(command.homeStoreId(), homeStoreId),
                changed(command.preferredContact(), preferredContact));
    }

    private static <T> T changed(T requested, T current) {
        return requested == null || requested.equals(current) ? null : requested;
    }

    boolean isEmpty() {
        return Stream.of(name, phone, email, gender, birthday, address, clothingSize, homeStoreId, preferredContact)
                .allMatch(Objects::isNull);
    }

    private static <T> T orElse(T changed, T current) {
        return changed != null ? changed : current;
    }

    /**
     * This profile without its personal fields, as the store reads them back once the key is gone: text as the
     * placeholder, the birthday unknown.
     */
    CustomerProfile withoutPersonalData() {
        return new CustomerProfile(PersonalData.ERASED, PersonalData.ERASED, email == null ? null : PersonalData.ERASED,
                gender, null, address == null ? null : PersonalData.ERASED, clothingSize, homeStoreId, preferredContact);
    }

    /** This profile with the fields the event changed. */
    CustomerProfile with(CustomerProfileUpdated event) {
        return new CustomerProfile(
                orElse(event.name(), name),
                orElse(event.phone(), phone),
                orElse(event.email(), email),
                orElse(event.gender(), gender),
                orElse(event.birthday(), birthday),
                orElse(event.address(), address),
                orElse(event.clothingSize(), clothingSize),
                orElse(event.homeStoreId(), homeStoreId),
                orElse(event.preferredContact(), preferredContact));
    }
}
