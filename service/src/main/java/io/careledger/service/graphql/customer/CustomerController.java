package io.careledger.service.graphql.customer;

import io.careledger.api.common.Channel;
import io.careledger.api.common.InvalidValueException;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.ConsentPurpose;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerView;
import io.careledger.api.customer.FindCustomer;
import io.careledger.api.customer.Gender;
import io.careledger.api.customer.RegisterCustomer;
import io.careledger.service.graphql.Mutations;
import io.careledger.service.graphql.UserError;
import io.careledger.service.security.Access;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
public class CustomerController {
    private final Mutations mutations;
    private final QueryGateway queries;

    CustomerController(Mutations mutations, QueryGateway queries) {
        this.mutations = mutations;
        this.queries = queries;
    }

    record RegisterCustomerInput(String name, String phone, String email, Gender gender, String birthday,
                                 String homeStoreId, Channel channel, List<ConsentPurpose> consents) {
    }

    public record RegisterCustomerPayload(CustomerView customer, List<UserError> errors) {
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public RegisterCustomerPayload registerCustomer(@Argument RegisterCustomerInput input) {
        var outcome = mutations.execute(
                () -> new RegisterCustomer(CustomerId.generate(), input.name(), input.phone(), input.email(),
                        input.gender(), birthday(input.birthday()), StoreId.of(input.homeStoreId()), input.channel(),
                        input.consents() == null || input.consents().isEmpty()
                                ? EnumSet.noneOf(ConsentPurpose.class) : EnumSet.copyOf(input.consents()),
                        mutations.actor()),
                sent -> queries.query(new FindCustomer(sent.customerId()), ResponseTypes.optionalInstanceOf(CustomerView.class))
                               .join()
                               .orElse(null));
        return new RegisterCustomerPayload(outcome.value(), outcome.errors());
    }

    private static LocalDate birthday(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("birthday", "birthday must be a date such as 1990-04-30");
        }
    }
}
