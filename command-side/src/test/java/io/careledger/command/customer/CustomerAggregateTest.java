package io.careledger.command.customer;

import static io.careledger.api.error.ErrorCode.INVALID_INPUT;
import static io.careledger.command.support.Rejections.rejectedWith;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.careledger.api.common.Channel;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.ConsentPurpose;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerRegistered;
import io.careledger.api.customer.Gender;
import io.careledger.api.customer.RegisterCustomer;
import io.careledger.api.customer.Tier;
import io.careledger.command.support.FixtureClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerAggregateTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-03-02");
    private static final CustomerId ID = CustomerId.of("customer-1");
    private static final StoreId STORE = StoreId.of("store-7");
    private static final StaffId CLERK = StaffId.of("clerk-1");

    private AggregateTestFixture<CustomerAggregate> fixture;

    @BeforeEach
    void newFixture() {
        fixture = new AggregateTestFixture<>(CustomerAggregate.class);
        fixture.registerInjectableResource(new FixtureClock(fixture::currentTime));
    }

    private static RegisterCustomer register(String name, String phone, String email, LocalDate birthday) {
        return new RegisterCustomer(ID, name, phone, email, null, birthday, STORE, Channel.STORE_DESK, null, CLERK);
    }

    @Test
    void registersAMemberWithEverythingTheCustomerAgreedToGive() {
        Set<ConsentPurpose> consents = Set.of(ConsentPurpose.DATA_PROCESSING, ConsentPurpose.MARKETING_SMS);
        fixture.givenCurrentTime(NOW)
                .when(new RegisterCustomer(ID, "Li Na", "+86 138-0013-8000", "li.na@example.com", Gender.FEMALE,
                        TODAY, STORE, Channel.APP, consents, CLERK))
                .expectEvents(new CustomerRegistered(ID, "Li Na", "+86 138-0013-8000", "li.na@example.com",
                        Gender.FEMALE, TODAY, STORE, Channel.APP, consents, Tier.MEMBER, CLERK, NOW));
    }

    @Test
    void needsOnlyNameAndPhone() {
        fixture.givenCurrentTime(NOW)
                .when(register("Wang Wei", "123456", null, null))
                .expectEvents(new CustomerRegistered(ID, "Wang Wei", "123456", null, null, null, STORE,
                        Channel.STORE_DESK, Set.of(), Tier.MEMBER, CLERK, NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456", "+8613800138000", "138 0013 8000", "0755-1234-5678", "12345678901234567890"})
    void acceptsPhoneNumbersAsPeopleWriteThem(String phone) {
        fixture.givenCurrentTime(NOW).when(register("Wang Wei", phone, null, null))
                .expectSuccessfulHandlerExecution();
    }

    static Stream<Arguments> invalidRegistrations() {
        return Stream.of(
                arguments(register(null, "123456", null, null), "name"),
                arguments(register("  ", "123456", null, null), "name"),
                arguments(register("n".repeat(101), "123456", null, null), "name"),
                arguments(register("Wang Wei", null, null, null), "phone"),
                arguments(register("Wang Wei", "12345", null, null), "phone"),
                arguments(register("Wang Wei", "123456789012345678901", null, null), "phone"),
                arguments(register("Wang Wei", "12345a", null, null), "phone"),
                arguments(register("Wang Wei", "++123456", null, null), "phone"),
                arguments(register("Wang Wei", "123456-", null, null), "phone"),
                arguments(register("Wang Wei", "123456", "wang.wei", null), "email"),
                arguments(register("Wang Wei", "123456", "wang@localhost", null), "email"),
                arguments(register("Wang Wei", "123456", "wang wei@example.com", null), "email"),
                arguments(register("Wang Wei", "123456", null, TODAY.plusDays(1)), "birthday"),
                arguments(new RegisterCustomer(ID, "Wang Wei", "123456", null, null, null, null, Channel.APP, null, CLERK), "homeStoreId"),
                arguments(new RegisterCustomer(ID, "Wang Wei", "123456", null, null, null, STORE, null, null, CLERK), "channel"),
                arguments(new RegisterCustomer(ID, "Wang Wei", "123456", null, null, null, STORE, Channel.APP,
                        new HashSet<>(Arrays.asList(ConsentPurpose.PROFILING, null)), CLERK), "consents"),
                arguments(new RegisterCustomer(ID, "Wang Wei", "123456", null, null, null, STORE, Channel.APP, null, null), "actor"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("invalidRegistrations")
    void refusesInvalidInput(RegisterCustomer command, String field) {
        fixture.givenCurrentTime(NOW).when(command)
                .expectException(rejectedWith(INVALID_INPUT, field))
                .expectNoEvents();
    }
}
