package io.careledger.query.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.careledger.api.care.CareTaskEvent;
import io.careledger.api.care.CareTaskKind;
import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.complaint.ComplaintStatus;
import io.careledger.api.complaint.ComplaintView;
import io.careledger.api.customer.CustomerActivity;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.FindCustomerActivity;
import io.careledger.query.care.CareStories;
import io.careledger.query.care.CareTaskIndex;
import io.careledger.query.cases.CaseIndex;
import io.careledger.api.refund.RefundEvent;
import io.careledger.query.cases.CaseStories;
import io.careledger.query.cases.RefundStories;
import io.careledger.query.cases.RepairStories;
import io.careledger.query.elasticsearch.TestElasticsearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Open cases and last contact, computed when asked from the case and care-task indices. */
class CustomerActivityIT {
    private static final ElasticsearchClient client = TestElasticsearch.client();
    private static final CustomerIndex customers = new CustomerIndex(client, "it-activity-customers");
    private static final CaseIndex cases = new CaseIndex(client, "it-activity-cases");
    private static final CareTaskIndex careTasks = new CareTaskIndex(client, "it-activity-care");
    private static final CustomerActivities activities = new CustomerActivities(client, cases, careTasks);
    private static final CustomerQueries queries = new CustomerQueries(client, customers, activities);
    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00.123456789Z");
    private static final CustomerId BUSY = CustomerId.of("act-busy");
    private static final CustomerId CASES_ONLY = CustomerId.of("act-cases");
    private static final CustomerId QUIET = CustomerId.of("act-quiet");
    private static final CustomerId OTHER = CustomerId.of("act-other");
    private static final CustomerId REFUNDER = CustomerId.of("act-refunder");

    @BeforeAll
    static void index() throws IOException {
        customers.ensureExists();
        cases.ensureExists();
        careTasks.ensureExists();
        for (CustomerId customer : List.of(BUSY, CASES_ONLY, QUIET, OTHER, REFUNDER)) {
            customers.put(customers.writeIndex(), CustomerStories.document(List.of(CustomerStories.registered(
                    customer.value(), "Customer", "+86 100", "SH-001", T0.minus(Duration.ofDays(100))))));
        }
        // BUSY: a reopened case in progress, a closed one, a new one; a care call done after all of them.
        complaint("k-busy-reopened", BUSY, T0, 13);
        complaint("k-busy-closed", BUSY, T0.plus(Duration.ofHours(1)), 11);
        complaint("k-busy-new", BUSY, T0.plus(Duration.ofHours(2)), 1);
        careTask(CareStories.followUp("t-busy", BUSY.value(), T0.minus(Duration.ofDays(6))));
        // CASES_ONLY: the closed case changed last, and still counts as the last contact.
        complaint("k-cases-open", CASES_ONLY, T0, 1);
        complaint("k-cases-closed", CASES_ONLY, T0.plus(Duration.ofHours(5)), 11);
        // QUIET: a care task not done yet is no contact.
        careTask(List.of(CareStories.scheduled("t-quiet", QUIET.value(), CareTaskKind.PURCHASE_FOLLOW_UP,
                T0.plus(Duration.ofDays(7)), CareStories.CARER, T0)));
        // REFUNDER: a refund awaiting review and a repair in progress are open; the finished ones are not.
        List<RefundEvent> paid = RefundStories.breached("r-paid", REFUNDER, T0);
        cases.put(cases.writeIndex(), RefundStories.fold(paid));
        cases.put(cases.writeIndex(), RefundStories.fold(RefundStories.rejected("r-rejected", REFUNDER, T0)));
        cases.put(cases.writeIndex(), RefundStories.fold(RefundStories.breached("r-waiting", REFUNDER, T0).subList(0, 1)));
        cases.put(cases.writeIndex(), RepairStories.fold(RepairStories.free("p-returned", REFUNDER, T0)));
        cases.put(cases.writeIndex(), RepairStories.fold(RepairStories.free("p-working", REFUNDER, T0).subList(0, 2)));
        // OTHER's case must not count for anybody else.
        complaint("k-other", OTHER, T0.plus(Duration.ofDays(3)), 1);
        cases.refresh();
        careTasks.refresh();
    }

    @Test
    void openCasesAreTheCustomersComplaintsNotClosedAndTheLastContactTheLatestStepOrCareContact() throws IOException {
        Instant called = CareStories.fold(CareStories.followUp("t-busy", BUSY.value(), T0.minus(Duration.ofDays(6))))
                .completedAt();
        assertThat(called).isAfter(T0.plus(Duration.ofHours(2)));

        assertThat(activity(BUSY)).contains(new CustomerActivity(BUSY, 2, called));
    }

    @Test
    void aClosedCaseIsNotOpenButItsLastStepIsAContact() throws IOException {
        ComplaintView closed = CaseStories.fold(CaseStories.lifecycle("k-cases-closed", CASES_ONLY,
                T0.plus(Duration.ofHours(5))).subList(0, 11));
        assertThat(closed.status()).isEqualTo(ComplaintStatus.CLOSED);

        assertThat(activity(CASES_ONLY)).contains(new CustomerActivity(CASES_ONLY, 1, closed.updatedAt()));
    }

    @Test
    void refundsAndRepairsAreOpenUntilTheyAreFinished() throws IOException {
        assertThat(activity(REFUNDER)).hasValueSatisfying(activity -> assertThat(activity.openCases()).isEqualTo(2));
    }

    @Test
    void withoutCasesOrCareContactsNothingIsOpenAndThereWasNoContact() throws IOException {
        assertThat(activity(QUIET)).contains(new CustomerActivity(QUIET, 0, null));
    }

    @Test
    void aCustomerNotProjectedYetHasNoActivity() throws IOException {
        assertThat(activity(CustomerId.of("act-unknown"))).isEmpty();
    }

    @Test
    void aWholePageIsAnsweredTheSameAsOneByOne() throws IOException {
        Map<CustomerId, CustomerActivity> page = activities.of(List.of(BUSY, CASES_ONLY, QUIET, OTHER));

        for (CustomerId customer : List.of(BUSY, CASES_ONLY, QUIET, OTHER)) {
            assertThat(Optional.of(page.get(customer))).isEqualTo(activity(customer));
        }
        assertThat(page.get(OTHER).openCases()).isEqualTo(1);
    }

    private static Optional<CustomerActivity> activity(CustomerId customer) throws IOException {
        return queries.handle(new FindCustomerActivity(customer));
    }

    /** The case's first {@code events} events, as projected. */
    private static void complaint(String id, CustomerId customer, Instant filedAt, int events) throws IOException {
        List<ComplaintEvent> story = CaseStories.lifecycle(id, customer, filedAt).subList(0, events);
        cases.put(cases.writeIndex(), CaseStories.fold(story));
    }

    private static void careTask(List<? extends CareTaskEvent> events) throws IOException {
        careTasks.put(careTasks.writeIndex(), CareStories.fold(events));
    }
}
