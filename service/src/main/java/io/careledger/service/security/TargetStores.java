package io.careledger.service.security;

import io.careledger.api.care.CareTaskId;
import io.careledger.api.care.CareTaskView;
import io.careledger.api.care.FindCareTask;
import io.careledger.api.cases.CaseSnapshot;
import io.careledger.api.cases.GetCaseAsOf;
import io.careledger.api.common.InvalidValueException;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerView;
import io.careledger.api.customer.FindCustomer;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * The store a case, customer or care task belongs to, for store scoping. A case's store is the one it records
 * ({@code storeId}: given when a complaint is filed; for a refund or repair given, or the store of the member's
 * recorded purchase of the order). A customer's store is their home store. A care task's store is the one it
 * records, or else its customer's home store. All are read from the event store (exact, not eventually
 * consistent), so a case created a moment ago is already held to its store.
 */
@Component
public class TargetStores {
    private final QueryGateway queries;

    TargetStores(QueryGateway queries) {
        this.queries = queries;
    }

    /** Empty for an unknown id (the operation itself then answers "not found"). */
    public Optional<String> ofCase(String caseId) {
        return safely(() -> queries.query(new GetCaseAsOf(caseId, null), ResponseTypes.optionalInstanceOf(CaseSnapshot.class))
                                   .join()
                                   .map(snapshot -> snapshot.caseView().storeId())
                                   .map(StoreId::value));
    }

    public Optional<String> ofCustomer(String customerId) {
        return safely(() -> queries.query(new FindCustomer(CustomerId.of(customerId)),
                                          ResponseTypes.optionalInstanceOf(CustomerView.class))
                                   .join()
                                   .map(CustomerView::homeStoreId)
                                   .map(StoreId::value));
    }

    public Optional<String> ofCareTask(String careTaskId) {
        return safely(() -> queries.query(new FindCareTask(CareTaskId.of(careTaskId)),
                                          ResponseTypes.optionalInstanceOf(CareTaskView.class))
                                   .join()
                                   .flatMap(task -> task.storeId() != null ? Optional.of(task.storeId().value())
                                           : ofCustomer(task.customerId().value())));
    }

    /** A malformed id names no store; the operation refuses it with a typed error naming the field. */
    private static Optional<String> safely(Supplier<Optional<String>> lookup) {
        try {
            return lookup.get();
        } catch (InvalidValueException malformed) {
            return Optional.empty();
        } catch (CompletionException failed) {
            // Anything but a malformed id (an event store away) must not let a scoped staff member through.
            if (failed.getCause() instanceof InvalidValueException) {
                return Optional.empty();
            }
            throw failed;
        }
    }
}
