package io.careledger.query.cases;

import static io.careledger.query.cases.RefundStories.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.careledger.api.cases.CaseKind;
import io.careledger.api.cases.CasePage;
import io.careledger.api.cases.CaseView;
import io.careledger.api.cases.SearchCases;
import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.complaint.FindComplaint;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.refund.CountRecentRefunds;
import io.careledger.api.refund.FindRefund;
import io.careledger.api.refund.RefundEvent;
import io.careledger.api.refund.RefundId;
import io.careledger.api.refund.RefundStatus;
import io.careledger.api.repair.FindRepair;
import io.careledger.api.repair.RepairEvent;
import io.careledger.api.repair.RepairId;
import io.careledger.api.repair.RepairStatus;
import io.careledger.query.elasticsearch.TestElasticsearch;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Refunds and repairs are cases: one document each in the case index, beside complaints, searchable by kind and status. */
class RefundCasesIT {
    private static final ElasticsearchClient client = TestElasticsearch.client();
    private static final CaseIndex index = new CaseIndex(client, "it-refunds");
    private static final CaseQueries queries = new CaseQueries(client, index);
    private static final EventStore store =
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private static final CaseProjection projection =
            new CaseProjection(index, new CaseHistory(store, Jackson3Serializer.builder().build()));
    private static final CustomerId CUSTOMER = CustomerId.of("rc-1");
    private static final CustomerId OTHER = CustomerId.of("rc-2");
    private static final List<RefundEvent> breached = RefundStories.breached("rc-breached", CUSTOMER, T0);
    private static final List<RefundEvent> rejected =
            RefundStories.rejected("rc-rejected", CUSTOMER, T0.plus(Duration.ofDays(1)));
    private static final List<RepairEvent> unrepairable =
            RepairStories.unrepairable("rc-repair", CUSTOMER, T0.plus(Duration.ofDays(3)));
    private static final List<RefundEvent> instant =
            RefundStories.instant("rc-instant", OTHER, T0.plus(Duration.ofDays(2)));

    @BeforeAll
    static void projectCases() throws IOException {
        index.ensureExists();
        deliver(breached);
        deliver(rejected);
        deliver(instant);
        List<DomainEventMessage<RepairEvent>> repair = RepairStories.messages(unrepairable);
        store.publish(repair);
        for (DomainEventMessage<RepairEvent> message : repair) {
            projection.on(message.getPayload(), message.getSequenceNumber());
        }
        List<DomainEventMessage<ComplaintEvent>> complaint =
                CaseStories.messages(CaseStories.lifecycle("rc-complaint", CaseStories.T0));
        store.publish(complaint);
        for (DomainEventMessage<ComplaintEvent> message : complaint) {
            projection.on(message.getPayload(), message.getSequenceNumber());
        }
        index.refresh();
    }

    /** Delivered twice and the second half first: the projection refolds what it missed. */
    private static void deliver(List<RefundEvent> events) throws IOException {
        List<DomainEventMessage<RefundEvent>> messages = RefundStories.messages(events);
        store.publish(messages);
        List<DomainEventMessage<RefundEvent>> delivery = new java.util.ArrayList<>(messages);
        Collections.reverse(delivery);
        delivery.addAll(messages);
        for (DomainEventMessage<RefundEvent> message : delivery) {
            projection.on(message.getPayload(), message.getSequenceNumber());
        }
    }

    @Test
    void eachRefundIsOneDocumentFoldedFromAllItsEvents() throws IOException {
        assertThat(queries.handle(new FindRefund(RefundId.of("rc-breached")))).contains(RefundStories.fold(breached));
        assertThat(queries.handle(new FindRefund(RefundId.of("rc-instant")))).contains(RefundStories.fold(instant));
        assertThat(queries.handle(new FindComplaint(ComplaintId.of("rc-breached")))).isEmpty();
        assertThat(queries.handle(new FindRefund(RefundId.of("rc-complaint")))).isEmpty();

        Map<?, ?> source = client.get(get -> get.index(index.readAlias()).id("rc-breached"), Map.class).source();
        assertThat(source.get("kind")).isEqualTo("REFUND");
        assertThat(source.get("openedAt")).isEqualTo("2026-03-05T08:00:00.500Z");
        assertThat(source.get("amount").toString()).contains("amount=499.00");
    }

    @Test
    void searchFindsRefundsByKindStatusAndBreach() throws IOException {
        assertThat(ids(search(CaseKind.REFUND, null, null))).containsExactly("rc-instant", "rc-rejected", "rc-breached");
        assertThat(ids(search(null, RefundStatus.PAID, null))).containsExactly("rc-instant", "rc-breached");
        assertThat(ids(search(CaseKind.REFUND, null, true))).containsExactly("rc-breached");
        assertThat(ids(search(CaseKind.COMPLAINT, null, null))).containsExactly("rc-complaint");
        assertThat(ids(search(null, null, null))).hasSize(5);
    }

    @Test
    void aRepairIsACaseToo() throws IOException {
        assertThat(queries.handle(new FindRepair(RepairId.of("rc-repair")))).contains(RepairStories.fold(unrepairable));
        assertThat(ids(new SearchCases(null, CaseKind.REPAIR, null, null, null, null, null, null, null, null, null, null, 20,
                null))).containsExactly("rc-repair");
        assertThat(ids(new SearchCases(null, null, null, null, RepairStatus.RETURNED, null, null, null, null, null,
                null, null, 20, null))).containsExactly("rc-repair");
        assertThat(ids(new SearchCases("fabric", null, null, null, null, null, null, null, null, null, null, null, 20,
                null))).containsExactly("rc-repair");
        assertThat(queries.handle(new CountRecentRefunds(CUSTOMER, T0))).as("repairs are no refunds").isEqualTo(2L);
    }

    @Test
    void recentRefundsAreCountedPerCustomerFromTheMomentGiven() throws IOException {
        assertThat(queries.handle(new CountRecentRefunds(CUSTOMER, T0))).isEqualTo(2L);
        assertThat(queries.handle(new CountRecentRefunds(CUSTOMER, T0.plusSeconds(1)))).isEqualTo(1L);
        assertThat(queries.handle(new CountRecentRefunds(OTHER, T0))).isEqualTo(1L);
        assertThat(queries.handle(new CountRecentRefunds(CustomerId.of("rc-nobody"), T0))).isZero();
    }

    private static SearchCases search(CaseKind kind, RefundStatus status, Boolean breached) {
        return new SearchCases(null, kind, null, status, null, null, null, null, null, breached, null, null, 20, null);
    }

    private static List<String> ids(SearchCases query) throws IOException {
        CasePage page = queries.handle(query);
        return page.hits().stream().map(CasePage.Hit::caseView).map(CaseView::caseId).collect(Collectors.toList());
    }
}
