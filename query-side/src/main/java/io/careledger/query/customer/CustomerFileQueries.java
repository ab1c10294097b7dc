package io.careledger.query.customer;

import io.careledger.api.customer.CustomerEvent;
import io.careledger.api.customer.CustomerView;
import io.careledger.api.customer.FindCustomer;
import io.careledger.api.customer.FindPurchase;
import io.careledger.api.customer.FindSurveyResponse;
import io.careledger.api.customer.PurchaseRecorded;
import io.careledger.api.customer.PurchaseView;
import io.careledger.api.customer.SurveyResponseRecorded;
import io.careledger.api.customer.SurveyResponseView;
import io.careledger.query.projection.StoredEvents;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The customer as recorded, replayed from the customer's own event stream: exact and immediate, which is what
 * a mutation needs to show its result. {@code openCases} and {@code lastContactAt} are null here; they come
 * from the read models ({@code FindCustomerActivity}). Single facts (one purchase, one survey response) are
 * read the same way, so a mutation answers with exactly what it recorded.
 */
@Component
class CustomerFileQueries {
    private final EventStore eventStore;

    CustomerFileQueries(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @QueryHandler
    Optional<CustomerView> handle(FindCustomer query) {
        return StoredEvents.fold(eventStore, query.customerId().value(), CustomerEvent.class, CustomerFold::apply);
    }

    @QueryHandler
    Optional<PurchaseView> handle(FindPurchase query) {
        return find(query.customerId().value(), payload -> payload instanceof PurchaseRecorded p && p.orderId().equals(query.orderId())
                ? new PurchaseView(p.customerId(), p.orderId(), p.storeId(), p.channel(), p.lines(), p.total(), p.purchasedAt(), p.pointsEarned())
                : null);
    }

    @QueryHandler
    Optional<SurveyResponseView> handle(FindSurveyResponse query) {
        return find(query.customerId().value(), payload -> payload instanceof SurveyResponseRecorded r && r.responseId().equals(query.responseId())
                ? new SurveyResponseView(r.responseId(), r.customerId(), r.subject(), r.csat(), r.nps(), r.comment(), r.occurredAt())
                : null);
    }

    /** The first event of the customer's stream that {@code match} turns into a view. */
    private <T> Optional<T> find(String customerId, Function<Object, T> match) {
        for (DomainEventMessage<?> event : StoredEvents.read(eventStore, customerId)) {
            T found = match.apply(event.getPayload());
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }
}
