package io.careledger.command.customer;

import static io.careledger.api.error.ErrorCode.ALREADY_EXISTS;
import static io.careledger.api.error.ErrorCode.INVALID_INPUT;
import static io.careledger.api.error.ErrorCode.NOT_FOUND;
import static io.careledger.command.customer.CustomerTestData.CLERK;
import static io.careledger.command.customer.CustomerTestData.ID;
import static io.careledger.command.customer.CustomerTestData.MEMBERSHIP;
import static io.careledger.command.customer.CustomerTestData.NOW;
import static io.careledger.command.customer.CustomerTestData.REFERRER;
import static io.careledger.command.customer.CustomerTestData.STORE;
import static io.careledger.command.customer.CustomerTestData.STRANGER;
import static io.careledger.command.customer.CustomerTestData.TODAY;
import static io.careledger.command.customer.CustomerTestData.registered;
import static io.careledger.command.support.Rejections.rejectedWith;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.careledger.api.common.Channel;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.ConsentGiven;
import io.careledger.api.customer.ConsentPurpose;
import io.careledger.api.customer.ConsentWithdrawn;
import io.careledger.api.customer.ContactChannel;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerProfileUpdated;
import io.careledger.api.customer.CustomerRegistered;
import io.careledger.api.customer.CustomerTagged;
import io.careledger.api.customer.CustomerUntagged;
import io.careledger.api.customer.Gender;
import io.careledger.api.customer.GiveConsent;
import io.careledger.api.customer.NoteCategory;
import io.careledger.api.customer.ProfileNoteRecorded;
import io.careledger.api.customer.RecordProfileNote;
import io.careledger.api.customer.RecordReferral;
import io.careledger.api.customer.RecordSurveyResponse;
import io.careledger.api.customer.ReferralRecorded;
import io.careledger.api.customer.RegisterCustomer;
import io.careledger.api.customer.SurveyResponseId;
import io.careledger.api.customer.SurveyResponseRecorded;
import io.careledger.api.customer.SurveySubject;
import io.careledger.api.customer.TagCustomer;
import io.careledger.api.customer.Tier;
import io.careledger.api.customer.UntagCustomer;
import io.careledger.api.customer.UpdateCustomerProfile;
import io.careledger.api.customer.WithdrawConsent;
import io.careledger.api.error.ErrorCode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The customer's file: registration, profile, notes, tags, consents, referrals and survey answers. */
class CustomerAggregateTest {

    private AggregateTestFixture<CustomerAggregate> fixture;

    @BeforeEach
    void newFixture() {
        fixture = CustomerTestData.newFixture();
    }

    /** The registered customer of {@link CustomerTestData#registered()}, plus any further events, at {@code NOW}. */
    private TestExecutor<CustomerAggregate> givenCustomer(Object... moreEvents) {
        return fixture.givenCurrentTime(NOW).andGiven(registered()).andGiven(moreEvents);
    }

    private static void expectRejected(ResultValidator<CustomerAggregate> result, ErrorCode code, String field) {
        result.expectException(rejectedWith(code, field)).expectNoEvents();
    }

    @Nested
    class Registering {

        private static RegisterCustomer register(String name, String phone, String email, LocalDate birthday) {
            return new RegisterCustomer(ID, name, phone, email, null, birthday, null, null, STORE, null,
                    Channel.STORE_DESK, null, CLERK);
        }

        private static RegisterCustomer withAddressAndSize(String address, String clothingSize) {
            return new RegisterCustomer(ID, "Wang Wei", "123456", null, null, null, address, clothingSize, STORE,
                    null, Channel.STORE_DESK, null, CLERK);
        }

        @Test
        void registersAMemberWithEverythingTheCustomerAgreedToGive() {
            Set<ConsentPurpose> consents = Set.of(ConsentPurpose.DATA_PROCESSING, ConsentPurpose.MARKETING_SMS);
            String address = "Room 1201\n88 Century Avenue, Pudong, Shanghai";
            fixture.givenCurrentTime(NOW)
                    .when(new RegisterCustomer(ID, "Li Na", "+86 138-0013-8000", "li.na@example.com", Gender.FEMALE,
                            TODAY, address, "170/92A", STORE, ContactChannel.SMS, Channel.APP, consents, CLERK))
                    .expectEvents(new CustomerRegistered(ID, "Li Na", "+86 138-0013-8000", "li.na@example.com",
                            Gender.FEMALE, TODAY, STORE, Channel.APP, consents, address, "170/92A",
                            ContactChannel.SMS, Tier.MEMBER, CLERK, NOW));
        }

        @Test
        void needsOnlyNameAndPhoneAndStartsWatchingForDormancy() {
            fixture.givenCurrentTime(NOW)
                    .when(register("Wang Wei", "123456", null, null))
                    .expectEvents(new CustomerRegistered(ID, "Wang Wei", "123456", null, null, null, STORE,
                            Channel.STORE_DESK, Set.of(), null, null, null, Tier.MEMBER, CLERK, NOW))
                    .expectScheduledDeadline(NOW.plus(MEMBERSHIP.dormancyPeriod()), new DormancyDeadline(NOW));
        }

        @ParameterizedTest
        @ValueSource(strings = {"123456", "+8613800138000", "138 0013 8000", "0755-1234-5678", "12345678901234567890"})
        void acceptsPhoneNumbersAsPeopleWriteThem(String phone) {
            fixture.givenCurrentTime(NOW).when(register("Wang Wei", phone, null, null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void acceptsAddressAndSizeAtTheirLimits() {
            fixture.givenCurrentTime(NOW).when(withAddressAndSize("a".repeat(200), "s".repeat(10)))
                    .expectSuccessfulHandlerExecution();
        }

        static Stream<Arguments> invalidRegistrations() {
            return Stream.of(
                    arguments(register(null, "123456", null, null), "name"),
                    arguments(register("  ", "123456", null, null), "name"),
                    arguments(register("n".repeat(101), "123456", null, null), "name"),
                    arguments(register("Wang\tWei", "123456", null, null), "name"),
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
                    arguments(withAddressAndSize("a".repeat(201), null), "address"),
                    arguments(withAddressAndSize(" ", null), "address"),
                    arguments(withAddressAndSize("88 Century Avenue\u0000", null), "address"),
                    arguments(withAddressAndSize(null, "s".repeat(11)), "clothingSize"),
                    arguments(withAddressAndSize(null, ""), "clothingSize"),
                    arguments(new RegisterCustomer(ID, "Wang Wei", "123456", null, null, null, null, null, null, null, Channel.APP, null, CLERK), "homeStoreId"),
                    arguments(new RegisterCustomer(ID, "Wang Wei", "123456", null, null, null, null, null, STORE, null, null, null, CLERK), "channel"),
                    arguments(new RegisterCustomer(ID, "Wang Wei", "123456", null, null, null, null, null, STORE, null, Channel.APP,
                            new HashSet<>(Arrays.asList(ConsentPurpose.PROFILING, null)), CLERK), "consents"),
                    arguments(new RegisterCustomer(ID, "Wang Wei", "123456", null, null, null, null, null, STORE, null, Channel.APP, null, null), "actor"));
        }

        @ParameterizedTest(name = "[{index}] {1}")
        @MethodSource("invalidRegistrations")
        void refusesInvalidInput(RegisterCustomer command, String field) {
            fixture.givenCurrentTime(NOW).when(command)
                    .expectException(rejectedWith(INVALID_INPUT, field))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
        }
    }

    @Nested
    class UpdatingTheProfile {

        private static UpdateCustomerProfile update(String name, String phone, String email, LocalDate birthday,
                                                    String address, String clothingSize) {
            return new UpdateCustomerProfile(ID, name, phone, email, null, birthday, address, clothingSize, null,
                    null, CLERK);
        }

        @Test
        void recordsOnlyTheFieldsThatReallyChange() {
            // Name and clothing size repeat the current values; phone, gender, home store and channel change.
            StoreId newStore = StoreId.of("store-9");
            givenCustomer()
                    .when(new UpdateCustomerProfile(ID, "Li Na", "13900139000", null, Gender.UNDISCLOSED, null, null,
                            "M", newStore, ContactChannel.EMAIL, CLERK))
                    .expectEvents(new CustomerProfileUpdated(ID, null, "13900139000", null, Gender.UNDISCLOSED, null,
                            null, null, newStore, ContactChannel.EMAIL, CLERK, NOW));
        }

        @Test
        void recordsNothingWhenNothingChanges() {
            givenCustomer()
                    .when(new UpdateCustomerProfile(ID, "Li Na", "13800138000", "li.na@example.com", Gender.FEMALE,
                            null, "1 Nanjing Road, Shanghai", "M", STORE, ContactChannel.SMS, CLERK))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recordsNothingWhenNoFieldIsGiven() {
            givenCustomer().when(update(null, null, null, null, null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void comparesWithTheProfileAsEarlierUpdatesLeftIt() {
            givenCustomer(new CustomerProfileUpdated(ID, null, null, null, null, null, "2 Huaihai Road", null, null,
                    null, CLERK, NOW))
                    .when(update(null, null, null, null, "2 Huaihai Road", "L"))
                    .expectEvents(new CustomerProfileUpdated(ID, null, null, null, null, null, null, "L", null, null,
                            CLERK, NOW));
        }

        static Stream<Arguments> invalidUpdates() {
            return Stream.of(
                    arguments(update(" ", null, null, null, null, null), "name"),
                    arguments(update("n".repeat(101), null, null, null, null, null), "name"),
                    arguments(update(null, "12345", null, null, null, null), "phone"),
                    arguments(update(null, null, "li.na", null, null, null), "email"),
                    arguments(update(null, null, null, TODAY.plusDays(1), null, null), "birthday"),
                    arguments(update(null, null, null, null, "a".repeat(201), null), "address"),
                    arguments(update(null, null, null, null, null, "XXXXXXXXXXL"), "clothingSize"),
                    arguments(new UpdateCustomerProfile(ID, "Li Na", null, null, null, null, null, null, null, null, null), "actor"));
        }

        @ParameterizedTest(name = "[{index}] {1}")
        @MethodSource("invalidUpdates")
        void refusesInvalidFieldsLikeRegistration(UpdateCustomerProfile command, String field) {
            expectRejected(givenCustomer().when(command), INVALID_INPUT, field);
        }
    }

    @Nested
    class RecordingNotes {

        @Test
        void recordsANoteWithItsLineBreaks() {
            String text = "Prefers natural fabrics.\r\nAsks about washing instructions every time.";
            givenCustomer()
                    .when(new RecordProfileNote(ID, NoteCategory.STYLE, text, CLERK))
                    .expectEvents(new ProfileNoteRecorded(ID, NoteCategory.STYLE, text, CLERK, NOW));
        }

        @Test
        void acceptsANoteAtItsLimit() {
            givenCustomer().when(new RecordProfileNote(ID, NoteCategory.HOBBIES, "h".repeat(2000), CLERK))
                    .expectSuccessfulHandlerExecution();
        }

        static Stream<Arguments> invalidNotes() {
            return Stream.of(
                    arguments(new RecordProfileNote(ID, null, "Likes tea", CLERK), "category"),
                    arguments(new RecordProfileNote(ID, NoteCategory.FAMILY, null, CLERK), "text"),
                    arguments(new RecordProfileNote(ID, NoteCategory.FAMILY, " \n ", CLERK), "text"),
                    arguments(new RecordProfileNote(ID, NoteCategory.FAMILY, "x".repeat(2001), CLERK), "text"),
                    arguments(new RecordProfileNote(ID, NoteCategory.FAMILY, "two\tkids", CLERK), "text"),
                    arguments(new RecordProfileNote(ID, NoteCategory.FAMILY, "bell\u0007", CLERK), "text"),
                    arguments(new RecordProfileNote(ID, NoteCategory.FAMILY, "Likes tea", null), "actor"));
        }

        @ParameterizedTest(name = "[{index}] {1}")
        @MethodSource("invalidNotes")
        void refusesInvalidNotes(RecordProfileNote command, String field) {
            expectRejected(givenCustomer().when(command), INVALID_INPUT, field);
        }
    }

    @Nested
    class Tagging {

        private static final String TAG = "maternal-and-baby repeat buyer";

        @Test
        void recordsTheTrimmedTag() {
            givenCustomer()
                    .when(new TagCustomer(ID, "\u3000 " + TAG + " ", CLERK))
                    .expectEvents(new CustomerTagged(ID, TAG, CLERK, NOW));
        }

        @Test
        void taggingWithATagTheCustomerHasRecordsNothing() {
            givenCustomer(new CustomerTagged(ID, TAG, CLERK, NOW))
                    .when(new TagCustomer(ID, " " + TAG, CLERK))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void removesATag() {
            givenCustomer(new CustomerTagged(ID, TAG, CLERK, NOW))
                    .when(new UntagCustomer(ID, TAG + " ", CLERK))
                    .expectEvents(new CustomerUntagged(ID, TAG, CLERK, NOW));
        }

        @Test
        void aRemovedTagCanBeAddedAgain() {
            givenCustomer(new CustomerTagged(ID, TAG, CLERK, NOW), new CustomerUntagged(ID, TAG, CLERK, NOW))
                    .when(new TagCustomer(ID, TAG, CLERK))
                    .expectEvents(new CustomerTagged(ID, TAG, CLERK, NOW));
        }

        @Test
        void removingATagTheCustomerDoesNotHaveIsNotFound() {
            expectRejected(givenCustomer(new CustomerTagged(ID, "other", CLERK, NOW))
                    .when(new UntagCustomer(ID, TAG, CLERK)), NOT_FOUND, "tag");
        }

        @Test
        void acceptsATagOfFiftyCharacters() {
            givenCustomer().when(new TagCustomer(ID, "t".repeat(50), CLERK))
                    .expectEvents(new CustomerTagged(ID, "t".repeat(50), CLERK, NOW));
        }

        static Stream<Arguments> invalidTags() {
            return Stream.of(
                    arguments(new TagCustomer(ID, null, CLERK), "tag"),
                    arguments(new TagCustomer(ID, "   ", CLERK), "tag"),
                    arguments(new TagCustomer(ID, "t".repeat(51), CLERK), "tag"),
                    arguments(new TagCustomer(ID, "two\nlines", CLERK), "tag"),
                    arguments(new TagCustomer(ID, "vip", null), "actor"),
                    arguments(new UntagCustomer(ID, " ", CLERK), "tag"),
                    arguments(new UntagCustomer(ID, "vip", null), "actor"));
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @MethodSource("invalidTags")
        void refusesInvalidTags(Object command, String field) {
            expectRejected(givenCustomer(new CustomerTagged(ID, "vip", CLERK, NOW)).when(command), INVALID_INPUT,
                    field);
        }
    }

    @Nested
    class Consenting {

        @Test
        void recordsANewConsent() {
            givenCustomer()
                    .when(new GiveConsent(ID, ConsentPurpose.MARKETING_EMAIL, CLERK))
                    .expectEvents(new ConsentGiven(ID, ConsentPurpose.MARKETING_EMAIL, CLERK, NOW));
        }

        @Test
        void givingAConsentGivenAtRegistrationRecordsNothing() {
            givenCustomer().when(new GiveConsent(ID, ConsentPurpose.MARKETING_SMS, CLERK))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void recordsAWithdrawal() {
            givenCustomer()
                    .when(new WithdrawConsent(ID, ConsentPurpose.MARKETING_SMS, CLERK))
                    .expectEvents(new ConsentWithdrawn(ID, ConsentPurpose.MARKETING_SMS, CLERK, NOW));
        }

        @Test
        void withdrawingAConsentNeverGivenRecordsNothing() {
            givenCustomer().when(new WithdrawConsent(ID, ConsentPurpose.PROFILING, CLERK))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void withdrawingTwiceRecordsOnce() {
            givenCustomer(new ConsentWithdrawn(ID, ConsentPurpose.MARKETING_SMS, CLERK, NOW))
                    .when(new WithdrawConsent(ID, ConsentPurpose.MARKETING_SMS, CLERK))
                    .expectNoEvents();
        }

        @Test
        void aWithdrawnConsentCanBeGivenAgain() {
            givenCustomer(new ConsentWithdrawn(ID, ConsentPurpose.MARKETING_SMS, CLERK, NOW))
                    .when(new GiveConsent(ID, ConsentPurpose.MARKETING_SMS, CLERK))
                    .expectEvents(new ConsentGiven(ID, ConsentPurpose.MARKETING_SMS, CLERK, NOW));
        }

        @Test
        void refusesAConsentWithoutPurpose() {
            expectRejected(givenCustomer().when(new GiveConsent(ID, null, CLERK)), INVALID_INPUT, "purpose");
        }

        @Test
        void refusesAWithdrawalWithoutPurpose() {
            expectRejected(givenCustomer().when(new WithdrawConsent(ID, null, CLERK)), INVALID_INPUT, "purpose");
        }

        @Test
        void refusesAConsentWithoutActor() {
            expectRejected(givenCustomer().when(new GiveConsent(ID, ConsentPurpose.PROFILING, null)), INVALID_INPUT,
                    "actor");
        }
    }

    @Nested
    class Referring {

        @Test
        void recordsWhoBroughtTheCustomer() {
            givenCustomer()
                    .when(new RecordReferral(ID, REFERRER, CLERK))
                    .expectEvents(new ReferralRecorded(ID, REFERRER, CLERK, NOW));
        }

        @Test
        void refusesAnUnknownReferrer() {
            expectRejected(givenCustomer().when(new RecordReferral(ID, STRANGER, CLERK)), NOT_FOUND, "referredBy");
        }

        @Test
        void refusesASelfReferral() {
            expectRejected(givenCustomer().when(new RecordReferral(ID, ID, CLERK)), INVALID_INPUT, "referredBy");
        }

        @Test
        void refusesASecondReferral() {
            expectRejected(givenCustomer(new ReferralRecorded(ID, REFERRER, CLERK, NOW))
                    .when(new RecordReferral(ID, CustomerId.of("customer-3"), CLERK)), ALREADY_EXISTS, null);
        }

        @Test
        void refusesAReferralWithoutReferrer() {
            expectRejected(givenCustomer().when(new RecordReferral(ID, null, CLERK)), INVALID_INPUT, "referredBy");
        }

        @Test
        void refusesAReferralWithoutActor() {
            expectRejected(givenCustomer().when(new RecordReferral(ID, REFERRER, null)), INVALID_INPUT, "actor");
        }
    }

    @Nested
    class AnsweringSurveys {

        private static final SurveyResponseId RESPONSE = SurveyResponseId.of("response-1");
        private static final SurveySubject COMPLAINT = new SurveySubject(SurveySubject.Kind.CASE, "complaint-1");
        private static final SurveySubject ORDER = new SurveySubject(SurveySubject.Kind.ORDER, "order-1");

        private static RecordSurveyResponse answer(SurveySubject subject, Integer csat, Integer nps, String comment) {
            return new RecordSurveyResponse(ID, RESPONSE, subject, csat, nps, comment, CLERK);
        }

        private static SurveyResponseRecorded answered(String responseId, SurveySubject subject) {
            return new SurveyResponseRecorded(ID, SurveyResponseId.of(responseId), subject, 4, null, null, CLERK, NOW);
        }

        @ParameterizedTest(name = "csat {0}, nps {1}")
        @CsvSource(value = {"1, NULL", "5, NULL", "NULL, 0", "NULL, 10", "3, 7"},
                nullValues = "NULL")
        void recordsCsatOrNpsOrBoth(Integer csat, Integer nps) {
            givenCustomer()
                    .when(answer(COMPLAINT, csat, nps, "Quick and friendly"))
                    .expectEvents(new SurveyResponseRecorded(ID, RESPONSE, COMPLAINT, csat, nps, "Quick and friendly",
                            CLERK, NOW));
        }

        @Test
        void recordsAnAnswerAboutNothingInParticular() {
            givenCustomer(answered("response-0", null))
                    .when(answer(null, null, 9, null))
                    .expectEvents(new SurveyResponseRecorded(ID, RESPONSE, null, null, 9, null, CLERK, NOW));
        }

        @Test
        void recordsAnswersAboutDifferentSubjects() {
            givenCustomer(answered("response-0", ORDER))
                    .when(answer(COMPLAINT, 5, null, null))
                    .expectEvents(new SurveyResponseRecorded(ID, RESPONSE, COMPLAINT, 5, null, null, CLERK, NOW));
        }

        @Test
        void refusesASecondAnswerAboutTheSameSubject() {
            expectRejected(givenCustomer(answered("response-0", COMPLAINT)).when(answer(COMPLAINT, 2, null, null)),
                    ALREADY_EXISTS, "subjectId");
        }

        @Test
        void refusesAResponseIdUsedAlready() {
            expectRejected(givenCustomer(answered(RESPONSE.value(), ORDER)).when(answer(COMPLAINT, 2, null, null)),
                    ALREADY_EXISTS, "responseId");
        }

        static Stream<Arguments> invalidAnswers() {
            return Stream.of(
                    arguments(answer(COMPLAINT, null, null, "no score"), "csat"),
                    arguments(answer(COMPLAINT, 0, null, null), "csat"),
                    arguments(answer(COMPLAINT, 6, null, null), "csat"),
                    arguments(answer(COMPLAINT, null, -1, null), "nps"),
                    arguments(answer(COMPLAINT, null, 11, null), "nps"),
                    arguments(answer(COMPLAINT, 4, null, "c".repeat(2001)), "comment"),
                    arguments(new RecordSurveyResponse(ID, null, COMPLAINT, 4, null, null, CLERK), "responseId"),
                    arguments(new RecordSurveyResponse(ID, RESPONSE, COMPLAINT, 4, null, null, null), "actor"));
        }

        @ParameterizedTest(name = "[{index}] {1}")
        @MethodSource("invalidAnswers")
        void refusesInvalidAnswers(RecordSurveyResponse command, String field) {
            expectRejected(givenCustomer().when(command), INVALID_INPUT, field);
        }
    }

    @Test
    void actsAsTheStaffMemberWhoSentTheCommand() {
        StaffId colleague = StaffId.of("clerk-2");
        givenCustomer()
                .when(new RecordProfileNote(ID, NoteCategory.WORK, "Teacher", colleague))
                .expectEvents(new ProfileNoteRecorded(ID, NoteCategory.WORK, "Teacher", colleague, NOW));
    }
}
