package io.careledger.query.customer;

import static io.careledger.query.customer.CustomerStories.CLERK;
import static io.careledger.query.customer.CustomerStories.LAST_NIGHT_OF_2025;
import static io.careledger.query.customer.CustomerStories.STORE;
import static io.careledger.query.customer.CustomerStories.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.careledger.api.common.Channel;
import io.careledger.api.common.Money;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.ConsentGiven;
import io.careledger.api.customer.ConsentPurpose;
import io.careledger.api.common.PersonalData;
import io.careledger.api.customer.ContactChannel;
import io.careledger.api.customer.CustomerEvent;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.CustomerPersonalDataErased;
import io.careledger.api.customer.CustomerProfileUpdated;
import io.careledger.api.customer.CustomerRegistered;
import io.careledger.api.customer.CustomerTagged;
import io.careledger.api.customer.CustomerView;
import io.careledger.api.customer.Gender;
import io.careledger.api.customer.NoteCategory;
import io.careledger.api.customer.ProfileNoteRecorded;
import io.careledger.api.customer.ProfileNoteView;
import io.careledger.api.customer.Tier;
import io.careledger.api.customer.TierRetained;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CustomerFoldTest {
    private static final List<CustomerEvent> story = CustomerStories.lifecycle("c-1", T0);
    private static final CustomerId ID = CustomerId.of("c-1");

    /** The erasure ends a file's story, so it has tests of its own below. */
    @Test
    void theStoryHasEveryKindOfCustomerEventButTheErasure() {
        assertThat(Stream.concat(story.stream().map(Object::getClass), Stream.of(CustomerPersonalDataErased.class))
                .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(CustomerEvent.class.getPermittedSubclasses());
    }

    @Test
    void anErasureReplacesEveryPersonalFieldByThePlaceholderAndKeepsTheFacts() {
        CustomerView before = upTo(story.size() - 1);

        CustomerView erased = CustomerFold.apply(before, new CustomerPersonalDataErased(ID, "request 42", CLERK,
                story.get(story.size() - 1).occurredAt().plusSeconds(60)), story.size());

        assertThat(erased.name()).isEqualTo(PersonalData.ERASED);
        assertThat(erased.phone()).isEqualTo(PersonalData.ERASED);
        assertThat(erased.email()).isEqualTo(PersonalData.ERASED);
        assertThat(erased.address()).isEqualTo(PersonalData.ERASED);
        assertThat(erased.birthday()).isNull();
        assertThat(erased.notes()).extracting(ProfileNoteView::text).containsOnly(PersonalData.ERASED);
        assertThat(erased.notes()).extracting(ProfileNoteView::by, ProfileNoteView::at)
                .containsExactlyElementsOf(before.notes().stream()
                        .map(note -> org.assertj.core.groups.Tuple.tuple(note.by(), note.at())).toList());
        assertThat(erased).usingRecursiveComparison()
                .ignoringFields("name", "phone", "email", "address", "birthday", "notes", "version")
                .isEqualTo(before);
    }

    /**
     * The live file, cleaned by the erasure, equals the file a rebuild folds from the same events as the store reads
     * them once the key is gone: text fields as the placeholder, the birthday null.
     */
    @Test
    void theErasedFileIsTheSameLiveAndRebuiltFromTheErasedEvents() {
        List<CustomerEvent> withErasure = new java.util.ArrayList<>(story);
        withErasure.add(new CustomerPersonalDataErased(ID, "request 42", CLERK, story.get(story.size() - 1).occurredAt().plusSeconds(60)));
        List<CustomerEvent> asReadAfterErasure = withErasure.stream().map(CustomerFoldTest::asReadAfterErasure)
                .collect(Collectors.toList());

        assertThat(CustomerStories.fold(asReadAfterErasure)).isEqualTo(CustomerStories.fold(withErasure));
    }

    private static CustomerEvent asReadAfterErasure(CustomerEvent event) {
        String x = PersonalData.ERASED;
        if (event instanceof CustomerRegistered r) {
            return new CustomerRegistered(r.customerId(), x, x, r.email() == null ? null : x, r.gender(), null,
                    r.homeStoreId(), r.channel(), r.consents(), r.address() == null ? null : x, r.clothingSize(),
                    r.preferredContact(), r.tier(), r.registeredBy(), r.occurredAt());
        }
        if (event instanceof CustomerProfileUpdated u) {
            return new CustomerProfileUpdated(u.customerId(), u.name() == null ? null : x, u.phone() == null ? null : x,
                    u.email() == null ? null : x, u.gender(), null, u.address() == null ? null : x, u.clothingSize(),
                    u.homeStoreId(), u.preferredContact(), u.by(), u.occurredAt());
        }
        if (event instanceof ProfileNoteRecorded n) {
            return new ProfileNoteRecorded(n.customerId(), n.category(), x, n.by(), n.occurredAt());
        }
        return event;
    }

    @Test
    void registrationStartsTheFileWithEverythingItSays() {
        CustomerView view = CustomerFold.apply(null, story.get(0), 0);

        assertThat(view).isEqualTo(new CustomerView(ID, "李娜 Li Na", "+86 138-0013-8000", "li.na@example.com",
                Gender.FEMALE, LocalDate.of(1990, 4, 30), "上海市南京路 1 号", "M", STORE, ContactChannel.SMS,
                Set.of(ConsentPurpose.PROFILING, ConsentPurpose.DATA_PROCESSING), List.of(), List.of(), Tier.MEMBER,
                0, null, null, null, T0, null, null, null, 0));
    }

    @Test
    void aRegistrationStoredBeforeTiersAndConsentsWereRecordedStartsAtMemberWithNoConsent() {
        CustomerRegistered old = new CustomerRegistered(ID, "Wang Wei", "123456", null, null, null, STORE,
                Channel.APP, null, null, null, null, null, CLERK, T0);

        CustomerView view = CustomerFold.apply(null, old, 0);

        assertThat(view.tier()).isEqualTo(Tier.MEMBER);
        assertThat(view.consents()).isEmpty();
    }

    /** One row per event of the story: what it changes; everything else, but the version, must stay. */
    static Stream<Arguments> changes() {
        return Stream.of(
                row(1, "profile update: only the fields it sets", List.of("email", "clothingSize"), view -> {
                    assertThat(view.email()).isEqualTo("li.na@new.example.com");
                    assertThat(view.clothingSize()).isEqualTo("L");
                }),
                row(2, "note", List.of("notes"), view -> assertThat(view.notes()).containsExactly(new ProfileNoteView(
                        NoteCategory.STYLE, "喜欢简约风格, likes a minimalist style", CLERK, at(2)))),
                row(3, "tag", List.of("tags"), view -> assertThat(view.tags())
                        .containsExactly("maternal-and-baby repeat buyer")),
                row(4, "second tag, after the first", List.of("tags"), view -> assertThat(view.tags())
                        .containsExactly("maternal-and-baby repeat buyer", "once complained about damaged packaging")),
                row(5, "untag", List.of("tags"), view -> assertThat(view.tags())
                        .containsExactly("once complained about damaged packaging")),
                row(6, "consent given", List.of("consents"), view -> assertThat(view.consents()).containsExactly(
                        ConsentPurpose.DATA_PROCESSING, ConsentPurpose.MARKETING_SMS, ConsentPurpose.PROFILING)),
                row(7, "consent withdrawn", List.of("consents"), view -> assertThat(view.consents())
                        .containsExactly(ConsentPurpose.DATA_PROCESSING, ConsentPurpose.MARKETING_SMS)),
                row(8, "purchase: balance, spends and time as the policy recorded them",
                        List.of("points", "cumulativeSpend", "rollingSpend", "lastPurchaseAt"), view -> {
                            assertThat(view.points()).isEqualTo(599);
                            assertThat(view.cumulativeSpend()).isEqualTo(Money.of("599.00", "CNY"));
                            assertThat(view.rollingSpend()).isEqualTo(Money.of("599.00", "CNY"));
                            assertThat(view.lastPurchaseAt()).isEqualTo(LAST_NIGHT_OF_2025);
                        }),
                row(9, "spend milestone: nothing on the file", List.of(), view -> { }),
                row(10, "automatic upgrade", List.of("tier"), view -> assertThat(view.tier()).isEqualTo(Tier.SILVER)),
                row(11, "second purchase", List.of("points", "cumulativeSpend", "rollingSpend", "lastPurchaseAt"),
                        view -> {
                            assertThat(view.points()).isEqualTo(1799);
                            assertThat(view.cumulativeSpend()).isEqualTo(Money.of("1799.50", "CNY"));
                            assertThat(view.rollingSpend()).isEqualTo(Money.of("1799.50", "CNY"));
                            assertThat(view.lastPurchaseAt()).isEqualTo(at(11));
                        }),
                row(12, "points redeemed: the balance the event records", List.of("points"),
                        view -> assertThat(view.points()).isEqualTo(1499)),
                row(13, "referral", List.of("referredBy"),
                        view -> assertThat(view.referredBy()).isEqualTo(CustomerId.of("c-referrer"))),
                row(14, "upgrade by hand", List.of("tier"), view -> assertThat(view.tier()).isEqualTo(Tier.GOLD)),
                row(15, "downgrade", List.of("tier"), view -> assertThat(view.tier()).isEqualTo(Tier.SILVER)),
                row(16, "tier retained", List.of(), view -> assertThat(view.tier()).isEqualTo(Tier.SILVER)),
                row(17, "birthday approaching: nothing on the file", List.of(), view -> { }),
                row(18, "dormant: nothing on the file", List.of(), view -> { }),
                row(19, "survey response: nothing on the file", List.of(), view -> { }));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("changes")
    void eachEventChangesWhatItSaysAndNothingElse(int index, String name, List<String> changed,
                                                  Consumer<CustomerView> expectation) {
        CustomerView before = upTo(index - 1);

        CustomerView after = CustomerFold.apply(before, story.get(index), index);

        expectation.accept(after);
        assertThat(after.version()).isEqualTo(index);
        assertThat(after).usingRecursiveComparison()
                .ignoringFields(Stream.concat(changed.stream(), Stream.of("version")).toArray(String[]::new))
                .isEqualTo(before);
        assertThat(after.openCases()).as("known only from cases").isNull();
        assertThat(after.lastContactAt()).as("known only from cases and care").isNull();
    }

    @Test
    void theRowsCoverTheWholeStory() {
        assertThat(changes().map(arguments -> (Integer) arguments.get()[0]))
                .containsExactlyElementsOf(IntStream.range(1, story.size()).boxed().collect(Collectors.toList()));
    }

    @Test
    void tierRetainedSetsTheTierItNames() {
        CustomerView gold = CustomerFold.apply(upTo(14), new TierRetained(ID, Tier.PLATINUM, "tier-2",
                Money.of("100000", "CNY"), CLERK, at(15)), 15);

        assertThat(gold.tier()).isEqualTo(Tier.PLATINUM);
    }

    @Test
    void taggingTwiceAndGivingAConsentTwiceKeepOne() {
        CustomerView tagged = CustomerFold.apply(upTo(3), new CustomerTagged(ID, "maternal-and-baby repeat buyer",
                CLERK, at(4)), 4);
        CustomerView consented = CustomerFold.apply(tagged, new ConsentGiven(ID, ConsentPurpose.DATA_PROCESSING,
                CLERK, at(5)), 5);

        assertThat(consented.tags()).containsExactly("maternal-and-baby repeat buyer");
        assertThat(consented.consents()).containsExactly(ConsentPurpose.DATA_PROCESSING, ConsentPurpose.PROFILING);
    }

    @Test
    void aPurchaseRecordedLateKeepsTheLastPurchaseTimeButTakesTheSpendsItRecords() {
        CustomerView view = CustomerFold.apply(upTo(11), CustomerStories.purchase("c-1", "order-paper",
                LAST_NIGHT_OF_2025.minus(Duration.ofDays(3)), "10.00", "1809.50", 10, 1809), 12);

        assertThat(view.lastPurchaseAt()).isEqualTo(at(11));
        assertThat(view.cumulativeSpend()).isEqualTo(Money.of("1809.50", "CNY"));
        assertThat(view.points()).isEqualTo(1809);
    }

    @Test
    void aProfileUpdateSettingEveryFieldChangesEveryField() {
        CustomerView view = CustomerFold.apply(upTo(0), new CustomerProfileUpdated(ID, "李娜", "139", "x@example.com",
                Gender.UNDISCLOSED, LocalDate.of(1991, 1, 1), "北京", "S", StoreId.of("BJ-001"),
                ContactChannel.EMAIL, CLERK, at(1)), 1);

        assertThat(view).extracting(CustomerView::name, CustomerView::phone, CustomerView::email, CustomerView::gender,
                        CustomerView::birthday, CustomerView::address, CustomerView::clothingSize,
                        CustomerView::homeStoreId, CustomerView::preferredContact)
                .containsExactly("李娜", "139", "x@example.com", Gender.UNDISCLOSED, LocalDate.of(1991, 1, 1), "北京", "S",
                        StoreId.of("BJ-001"), ContactChannel.EMAIL);
    }

    @Test
    void anEventOfACustomerNeverRegisteredIsAnError() {
        assertThatThrownBy(() -> CustomerFold.apply(null, story.get(3), 3))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("c-1").hasMessageContaining("never registered");
    }

    private static Arguments row(int index, String name, List<String> changed, Consumer<CustomerView> expectation) {
        return Arguments.of(index, name, changed, expectation);
    }

    private static CustomerView upTo(int index) {
        return CustomerStories.fold(story.subList(0, index + 1));
    }

    private static Instant at(int index) {
        return story.get(index).occurredAt();
    }
}
