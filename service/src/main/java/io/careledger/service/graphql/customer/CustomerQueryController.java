package io.careledger.service.graphql.customer;

import io.careledger.api.common.StoreId;
import io.careledger.api.customer.CustomerActivity;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerPage;
import io.careledger.api.customer.CustomerView;
import io.careledger.api.customer.FindCustomer;
import io.careledger.api.customer.FindCustomerActivity;
import io.careledger.api.customer.SearchCustomers;
import io.careledger.api.customer.SurveyResponseView;
import io.careledger.api.customer.SurveySubject;
import io.careledger.api.customer.Tier;
import io.careledger.service.graphql.Connection;
import io.careledger.service.security.Access;
import io.careledger.service.security.StaffScopes;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Reading customers: one file replayed from its events (exact and current), or a search over the customer
 * read model. Open cases and last contact live in other read models and are fetched only when asked for.
 */
@Controller
public class CustomerQueryController {
    private final QueryGateway queries;
    private final StaffScopes scopes;

    CustomerQueryController(QueryGateway queries, StaffScopes scopes) {
        this.queries = queries;
        this.scopes = scopes;
    }

    @QueryMapping
    @PreAuthorize(Access.READ_CASES)
    public CustomerView customer(@Argument String id) {
        return queries.query(new FindCustomer(CustomerId.of(id)), ResponseTypes.optionalInstanceOf(CustomerView.class))
                      .join()
                      .orElse(null);
    }

    @QueryMapping
    @PreAuthorize(Access.READ_CASES)
    public Connection<CustomerView> searchCustomers(@Argument String text, @Argument Tier tier, @Argument String storeId,
                                                    @Argument Integer first, @Argument String after) {
        var search = new SearchCustomers(text, tier, storeId == null ? null : StoreId.of(storeId),
                Connection.pageSize(first, SearchCustomers.MAX_PAGE_SIZE), after, scopes.currentStoreIds());
        CustomerPage page = queries.query(search, ResponseTypes.instanceOf(CustomerPage.class)).join();
        return Connection.of(page.hits(), CustomerPage.Hit::customer, CustomerPage.Hit::cursor, page.hasNextPage(), page.totalCount());
    }

    @SchemaMapping(typeName = "Customer", field = "openCases")
    public int openCases(CustomerView customer) {
        return customer.openCases() != null ? customer.openCases() : activity(customer).map(CustomerActivity::openCases).orElse(0);
    }

    @SchemaMapping(typeName = "Customer", field = "lastContactAt")
    public Instant lastContactAt(CustomerView customer) {
        return customer.lastContactAt() != null ? customer.lastContactAt()
                : activity(customer).map(CustomerActivity::lastContactAt).orElse(null);
    }

    @SchemaMapping(typeName = "SurveyResponse", field = "subjectKind")
    public SurveySubject.Kind subjectKind(SurveyResponseView response) {
        return response.subject() == null ? null : response.subject().kind();
    }

    @SchemaMapping(typeName = "SurveyResponse", field = "subjectId")
    public String subjectId(SurveyResponseView response) {
        return response.subject() == null ? null : response.subject().id();
    }

    private Optional<CustomerActivity> activity(CustomerView customer) {
        return queries.query(new FindCustomerActivity(customer.id()), ResponseTypes.optionalInstanceOf(CustomerActivity.class))
                      .join();
    }
}
