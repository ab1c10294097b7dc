package io.careledger.command.care.policy;

import io.careledger.api.customer.ConsentPurpose;
import io.careledger.api.customer.ContactChannel;
import java.util.Set;

/**
 * What a customer's file says about contacting them, as {@link CareConsentPolicy} needs it.
 *
 * @param given            purposes the customer consented to and has not withdrawn since
 * @param withdrawn        purposes the customer explicitly withdrew and has not given again since; a purpose
 *                         never given is in neither set
 * @param preferredChannel the channel messages go out on; null when the customer named none
 */
public record ContactPermissions(Set<ConsentPurpose> given, Set<ConsentPurpose> withdrawn,
                                 ContactChannel preferredChannel) {

    public ContactPermissions {
        given = Set.copyOf(given);
        withdrawn = Set.copyOf(withdrawn);
        if (given.stream().anyMatch(withdrawn::contains)) {
            throw new IllegalArgumentException("a purpose cannot be given and withdrawn at once");
        }
    }

    public boolean hasGiven(ConsentPurpose purpose) {
        return given.contains(purpose);
    }

    public boolean hasWithdrawn(ConsentPurpose purpose) {
        return withdrawn.contains(purpose);
    }
}
