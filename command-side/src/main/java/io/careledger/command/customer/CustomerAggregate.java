package io.careledger.command.customer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerRegistered;
import io.careledger.api.customer.RegisterCustomer;
import io.careledger.api.customer.Tier;
import io.careledger.command.common.Validate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A customer's file. Only registration for now: the sources ask for name and phone first and everything else
 * only if the customer agrees (DOMAIN.md §1), so the optional fields are checked only when given.
 */
public class CustomerAggregate {

    private static final int NAME_MAX = 100;
    private static final int EMAIL_MAX = 254;
    /** Digits with an optional leading '+', grouped by spaces or '-' as people write them. */
    private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d -]*\\d");
    private static final int PHONE_MIN = 6;
    private static final int PHONE_MAX = 20;
    /** Deliberately loose: the only proof of an address is a message that arrives. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

    @AggregateIdentifier
    private CustomerId customerId;

    /** Axon rebuilds the customer from its events through this constructor. */
    protected CustomerAggregate() {
    }

    @CommandHandler
    public CustomerAggregate(RegisterCustomer command, Clock clock) {
        validate(command, LocalDate.now(clock));
        apply(new CustomerRegistered(command.customerId(), command.name(), command.phone(), command.email(),
                command.gender(), command.birthday(), command.homeStoreId(), command.channel(),
                command.consents() == null ? Set.of() : Set.copyOf(command.consents()),
                Tier.MEMBER, command.actor(), clock.instant()));
    }

    private static void validate(RegisterCustomer command, LocalDate today) {
        Validate.text(command.name(), "name", NAME_MAX);
        Validate.required(command.phone(), "phone");
        String phone = command.phone();
        if (phone.length() < PHONE_MIN || phone.length() > PHONE_MAX || !PHONE.matcher(phone).matches()) {
            throw Validate.invalid("phone", "phone must be " + PHONE_MIN + "-" + PHONE_MAX
                    + " characters: digits, an optional leading '+', spaces or '-'");
        }
        String email = command.email();
        if (email != null && (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches())) {
            throw Validate.invalid("email", "email is not a well-formed address");
        }
        if (command.birthday() != null && command.birthday().isAfter(today)) {
            throw Validate.invalid("birthday", "birthday must not be in the future");
        }
        Validate.required(command.homeStoreId(), "homeStoreId");
        Validate.required(command.channel(), "channel");
        if (command.consents() != null && command.consents().stream().anyMatch(Objects::isNull)) {
            throw Validate.invalid("consents", "consents must not contain an empty entry");
        }
        Validate.required(command.actor(), "actor");
    }

    @EventSourcingHandler
    void on(CustomerRegistered event) {
        customerId = event.customerId();
    }
}
