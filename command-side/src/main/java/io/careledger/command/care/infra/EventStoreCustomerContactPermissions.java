package io.careledger.command.care.infra;

import io.careledger.api.customer.ConsentGiven;
import io.careledger.api.customer.ConsentPurpose;
import io.careledger.api.customer.ConsentWithdrawn;
import io.careledger.api.customer.ContactChannel;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerProfileUpdated;
import io.careledger.api.customer.CustomerRegistered;
import io.careledger.command.care.CustomerContactPermissions;
import io.careledger.command.care.policy.ContactPermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Replays the customer's own events from the event store, not a projection, so a task created right after a
 * consent changed already respects it. As in {@code EventStoreKnownCustomers}, a stream that does not start with
 * a registration is not a customer. A withdrawal is remembered as such (the consent policy tells "withdrawn"
 * from "never given") until the purpose is given again.
 */
public class EventStoreCustomerContactPermissions implements CustomerContactPermissions {

    private final EventStore eventStore;

    public EventStoreCustomerContactPermissions(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<ContactPermissions> of(CustomerId customerId) {
        DomainEventStream stream = eventStore.readEvents(customerId.value());
        if (!stream.hasNext() || !(stream.peek().getPayload() instanceof CustomerRegistered)) {
            return Optional.empty();
        }
        Set<ConsentPurpose> given = EnumSet.noneOf(ConsentPurpose.class);
        Set<ConsentPurpose> withdrawn = EnumSet.noneOf(ConsentPurpose.class);
        ContactChannel preferred = null;
        while (stream.hasNext()) {
            Object event = stream.next().getPayload();
            if (event instanceof CustomerRegistered registered) {
                if (registered.consents() != null) {
                    given.addAll(registered.consents());
                }
                preferred = registered.preferredContact();
            } else if (event instanceof CustomerProfileUpdated updated && updated.preferredContact() != null) {
                preferred = updated.preferredContact();
            } else if (event instanceof ConsentGiven consent) {
                given.add(consent.purpose());
                withdrawn.remove(consent.purpose());
            } else if (event instanceof ConsentWithdrawn consent) {
                given.remove(consent.purpose());
                withdrawn.add(consent.purpose());
            }
        }
        return Optional.of(new ContactPermissions(given, withdrawn, preferred));
    }
}
