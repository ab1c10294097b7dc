package io.careledger.command.customer;

import static io.careledger.command.customer.CustomerTestData.CLERK;
import static io.careledger.command.customer.CustomerTestData.ID;
import static io.careledger.command.customer.CustomerTestData.NOW;
import static io.careledger.command.customer.CustomerTestData.STORE;
import static io.careledger.command.customer.CustomerTestData.newFixture;
import static io.careledger.command.customer.CustomerTestData.registered;
import static io.careledger.command.support.Rejections.rejectedWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.careledger.api.common.StaffId;
import io.careledger.api.customer.CustomerPersonalDataErased;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerProfileUpdated;
import io.careledger.api.customer.CustomerTagged;
import io.careledger.api.customer.EraseCustomerPersonalData;
import io.careledger.api.customer.NoteCategory;
import io.careledger.api.customer.RecordProfileNote;
import io.careledger.api.customer.RecordSurveyResponse;
import io.careledger.api.customer.SurveyResponseId;
import io.careledger.api.customer.SurveyResponseRecorded;
import io.careledger.api.customer.TagCustomer;
import io.careledger.api.customer.UpdateCustomerProfile;
import io.careledger.api.error.ErrorCode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Erasing a customer's personal data: the key goes, the erasure is recorded, nothing personal is recorded after. */
class PersonalDataErasureTest {
    private static final StaffId ADMIN = StaffId.of("admin");
    private static final CustomerPersonalDataErased ERASED =
            new CustomerPersonalDataErased(ID, "request DSR-42", ADMIN, NOW);

    private final List<CustomerId> shredded = new ArrayList<>();
    private final AggregateTestFixture<CustomerAggregate> fixture = newFixture(shredded::add);

    @Test
    void shredsTheKeyThenRecordsTheErasureWithItsReasonAndEndsTheBirthdayWatch() {
        fixture.givenCurrentTime(NOW)
               .andGivenCommands(CustomerTestData.register(LocalDate.of(1990, 4, 30)))
               .when(new EraseCustomerPersonalData(ID, "  request DSR-42 ", ADMIN))
               .expectEvents(ERASED)
               .expectNoScheduledDeadlineOfType(NOW, NOW.plus(java.time.Duration.ofDays(400)), BirthdayDeadline.class);
        assertThat(shredded).containsExactly(ID);
    }

    @Test
    void aSecondErasureIsRefusedAndShredsNothing() {
        fixture.given(registered(), ERASED)
               .when(new EraseCustomerPersonalData(ID, "again", ADMIN))
               .expectException(rejectedWith(ErrorCode.PERSONAL_DATA_ERASED, "customerId"))
               .expectNoEvents();
        assertThat(shredded).isEmpty();
    }

    @Test
    void aReasonIsRequired() {
        fixture.given(registered())
               .when(new EraseCustomerPersonalData(ID, " ", ADMIN))
               .expectException(rejectedWith(ErrorCode.INVALID_INPUT, "reason"))
               .expectNoEvents();
        assertThat(shredded).isEmpty();
    }

    static Stream<Arguments> personalWrites() {
        return Stream.of(
                Arguments.of("a new name", new UpdateCustomerProfile(ID, "New Name", null, null, null, null, null, null,
                        null, null, CustomerTestData.CLERK)),
                Arguments.of("a new phone", new UpdateCustomerProfile(ID, null, "13900001111", null, null, null, null,
                        null, null, null, CLERK)),
                Arguments.of("a new e-mail", new UpdateCustomerProfile(ID, null, null, "x@example.com", null, null,
                        null, null, null, null, CLERK)),
                Arguments.of("a new birthday", new UpdateCustomerProfile(ID, null, null, null, null,
                        LocalDate.of(1991, 1, 1), null, null, null, null, CLERK)),
                Arguments.of("a new address", new UpdateCustomerProfile(ID, null, null, null, null, null, "Beijing",
                        null, null, null, CLERK)),
                Arguments.of("a note", new RecordProfileNote(ID, NoteCategory.STYLE, "likes blue", CLERK)),
                Arguments.of("a survey comment", new RecordSurveyResponse(ID, SurveyResponseId.of("s-1"), null, 5,
                        null, "great", CLERK)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personalWrites")
    void nothingPersonalIsRecordedAfterTheErasure(String what, Object command) {
        fixture.given(registered(), ERASED)
               .when(command)
               .expectException(rejectedWith(ErrorCode.PERSONAL_DATA_ERASED, null))
               .expectNoEvents();
    }

    @Test
    void factsAboutTheCustomerAreStillRecorded() {
        fixture.given(registered(), ERASED)
               .andGivenCurrentTime(NOW)
               .when(new TagCustomer(ID, "vip", CLERK))
               .expectEvents(new CustomerTagged(ID, "vip", CLERK, NOW));
        newFixture(shredded::add).given(registered(), ERASED)
               .andGivenCurrentTime(NOW)
               .when(new RecordSurveyResponse(ID, SurveyResponseId.of("s-2"), null, 4, null, null, CLERK))
               .expectEvents(new SurveyResponseRecorded(ID, SurveyResponseId.of("s-2"), null, 4, null, null, CLERK, NOW));
    }

    @Test
    void profileChangesWithoutPersonalFieldsAreStillRecorded() {
        fixture.given(registered(), ERASED)
               .andGivenCurrentTime(NOW)
               .when(new UpdateCustomerProfile(ID, null, null, null, null, null, null, "L", STORE, null, CLERK))
               .expectEvents(new CustomerProfileUpdated(ID, null, null, null, null, null, null, "L", null, null, CLERK,
                       NOW));
    }
}
