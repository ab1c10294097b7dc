package io.careledger.command.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.careledger.command.customer.PersonalDataKeys;
import io.careledger.api.care.CareTaskId;
import io.careledger.api.care.CareTaskKind;
import io.careledger.api.care.CareTaskScheduled;
import io.careledger.api.care.ScheduleCareTask;
import io.careledger.api.common.Channel;
import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.AcknowledgeComplaint;
import io.careledger.api.complaint.ComplaintAcknowledged;
import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.complaint.ComplaintDeadlineMissed;
import io.careledger.api.complaint.ComplaintEscalated;
import io.careledger.api.complaint.ComplaintFiled;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.complaint.Department;
import io.careledger.api.complaint.FileComplaint;
import io.careledger.api.complaint.Severity;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.PurchaseLine;
import io.careledger.api.customer.PurchaseRecorded;
import io.careledger.api.customer.RecordPurchase;
import io.careledger.api.customer.RegisterCustomer;
import io.careledger.api.customer.Tier;
import io.careledger.api.customer.VipUpgraded;
import io.careledger.api.error.CommandRejectedException;
import io.careledger.api.error.ErrorCode;
import io.careledger.command.care.CareProcess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The command side inside a real Axon Spring Boot context, with what the service module will provide: an event
 * storage engine, a clock and a deadline manager. Level-1 complaints get a one-second first-response deadline
 * through the properties, so the deadline path runs for real; the care process runs in Axon's default processor
 * for its processing group.
 */
@SpringBootTest(classes = CommandSideWiringTest.TestApplication.class, properties = {
        "careledger.policy.severity.version=severity-test",
        "careledger.policy.severity.levels.LEVEL_1=PT1S"})
class CommandSideWiringTest {

    private static final StaffId CLERK = StaffId.of("clerk-1");
    private static final StoreId STORE = StoreId.of("store-7");

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(CommandSideConfiguration.class)
    static class TestApplication {

        @Bean
        EventStorageEngine eventStorageEngine() {
            return new InMemoryEventStorageEngine();
        }

        /** The service keeps keys in its database; here the erasure only needs somewhere to shred. */
        @Bean
        PersonalDataKeys personalDataKeys() {
            return customer -> { };
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        DeadlineManager deadlineManager(Configuration axon) {
            return SimpleDeadlineManager.builder().scopeAwareProvider(new ConfigurationScopeAwareProvider(axon)).build();
        }
    }

    @Autowired
    private CommandGateway commands;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private EventProcessingConfiguration eventProcessing;
    @Autowired
    private EventStorageEngine storage;

    private CustomerId customer;

    @BeforeEach
    void registerCustomer() {
        customer = CustomerId.generate();
        commands.sendAndWait(new RegisterCustomer(customer, "Li Na", "123456", null, null, null, null, null, STORE,
                null, Channel.STORE_DESK, null, CLERK));
    }

    private ComplaintId fileComplaint(CustomerId customerId, ComplaintCategory category) {
        ComplaintId id = ComplaintId.generate();
        commands.sendAndWait(new FileComplaint(id, customerId, Channel.HOTLINE, category, "Mouldy cake", STORE, null,
                null, CLERK));
        return id;
    }

    private List<Object> eventsOf(ComplaintId id) {
        return eventStore.readEvents(id.value()).asStream().<Object>map(Message::getPayload).toList();
    }

    @Test
    void filesAComplaintOfARegisteredCustomerWithTheConfiguredPolicy() {
        ComplaintId id = fileComplaint(customer, ComplaintCategory.STAFF_ATTITUDE);
        commands.sendAndWait(new AcknowledgeComplaint(id, CLERK));

        List<Object> events = eventsOf(id);
        assertThat(events).hasSize(2);
        ComplaintFiled filed = (ComplaintFiled) events.get(0);
        assertThat(filed.severity()).isEqualTo(Severity.LEVEL_2);
        assertThat(filed.department()).isEqualTo(Department.SALES);
        assertThat(filed.severityPolicyVersion()).isEqualTo("severity-test");
        assertThat(Duration.between(filed.occurredAt(), filed.responseDueAt())).isEqualTo(Duration.ofHours(4));
        assertThat(events.get(1)).isInstanceOfSatisfying(ComplaintAcknowledged.class, acknowledged -> {
            assertThat(acknowledged.by()).isEqualTo(CLERK);
            assertThat(acknowledged.withinDeadline()).isTrue();
        });
    }

    @Test
    void refusesAComplaintOfAnUnknownCustomerThroughTheGateway() {
        CustomerId stranger = CustomerId.generate();

        assertThatThrownBy(() -> fileComplaint(stranger, ComplaintCategory.PRICE_DISPUTE))
                .isInstanceOfSatisfying(CommandRejectedException.class, rejection -> {
                    assertThat(rejection.code()).isEqualTo(ErrorCode.NOT_FOUND);
                    assertThat(rejection.field()).isEqualTo("customerId");
                });
    }

    private List<Object> eventsOf(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().<Object>map(Message::getPayload).toList();
    }

    /**
     * The customer side and the care process together: a purchase is decided with the configured policies, and
     * the care process, registered in its own processing group, turns it into a follow-up task.
     */
    @Test
    void aPurchasePlansAFollowUpCallThroughTheCareProcess() {
        OrderId order = OrderId.of("order-" + customer.value().substring(0, 8));
        Instant purchasedAt = Instant.now().minusSeconds(60);
        commands.sendAndWait(new RecordPurchase(customer, order, STORE, Channel.STORE_DESK,
                List.of(new PurchaseLine("SKU-1", "apparel", 1, Money.of("5000.00", "CNY"))), purchasedAt, CLERK));

        assertThat(eventsOf(customer.value())).hasSize(3)
                .satisfies(events -> assertThat(events.get(1)).isInstanceOfSatisfying(PurchaseRecorded.class,
                        purchase -> assertThat(purchase.pointsEarned()).isEqualTo(5000)))
                .satisfies(events -> assertThat(events.get(2)).isInstanceOfSatisfying(VipUpgraded.class,
                        upgrade -> assertThat(upgrade.to()).isEqualTo(Tier.SILVER)));
        CareTaskId followUp = CareTaskId.forTrigger(CareTaskKind.PURCHASE_FOLLOW_UP, customer + "/order/" + order);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(eventsOf(followUp.value()))
                .singleElement().isInstanceOfSatisfying(CareTaskScheduled.class, scheduled -> {
                    assertThat(scheduled.customerId()).isEqualTo(customer);
                    assertThat(scheduled.dueAt()).isEqualTo(purchasedAt.plus(Duration.ofDays(7)));
                    assertThat(scheduled.by()).isEqualTo(StaffId.SYSTEM);
                }));
    }

    /** A repeated trigger reaches an existing task: refused while handled, not when a batch commits. */
    @Test
    void refusesASecondTaskWithTheSameIdThroughTheGateway() {
        ScheduleCareTask task = new ScheduleCareTask(CareTaskId.of("task-" + customer.value().substring(0, 8)), customer,
                CareTaskKind.HOME_VISIT, Instant.now().plus(Duration.ofDays(3)), CLERK, STORE, "Top spender", null,
                CLERK);
        commands.sendAndWait(task);

        assertThatThrownBy(() -> commands.sendAndWait(task))
                .isInstanceOfSatisfying(CommandRejectedException.class, rejection -> {
                    assertThat(rejection.code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
                    assertThat(rejection.field()).isEqualTo("careTaskId");
                });
        assertThat(eventsOf(task.careTaskId().value())).hasSize(1);
    }

    /**
     * Inside an event processor, the tasks a batch creates are stored only when the batch commits. The same
     * trigger twice in one batch, or again after it, must still be refused while the command is handled, where
     * the care process can ignore it, and never fail the batch's commit.
     */
    @Test
    void refusesARepeatedTaskInsideTheBatchThatCreatedIt() {
        ScheduleCareTask task = new ScheduleCareTask(CareTaskId.of("task-b-" + customer.value().substring(0, 8)),
                customer, CareTaskKind.PURCHASE_FOLLOW_UP, Instant.now().plus(Duration.ofDays(7)), null, STORE,
                "Follow-up", null, StaffId.SYSTEM);
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("a batch"));
        commands.sendAndWait(task);
        assertThatThrownBy(() -> commands.sendAndWait(task)).isInstanceOfSatisfying(CommandRejectedException.class,
                rejection -> assertThat(rejection.code()).isEqualTo(ErrorCode.ALREADY_EXISTS));
        assertThat(storage.readEvents(task.careTaskId().value()).asStream())
                .as("nothing stored before the batch commits").isEmpty();
        batch.commit();

        assertThat(eventsOf(task.careTaskId().value())).singleElement().isInstanceOf(CareTaskScheduled.class);
    }

    @Test
    void runsTheCareProcessInItsOwnProcessingGroup() {
        assertThat(eventProcessing.eventProcessorByProcessingGroup(CareProcess.PROCESSING_GROUP)).isPresent();
    }

    @Test
    void escalatesByItselfWhenNobodyAnswersInTime() {
        ComplaintId id = fileComplaint(customer, ComplaintCategory.PRICE_DISPUTE);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(eventsOf(id))
                .hasSize(3)
                .element(2).isInstanceOfSatisfying(ComplaintEscalated.class, escalated -> {
                    assertThat(escalated.automatic()).isTrue();
                    assertThat(escalated.to()).isEqualTo(Severity.LEVEL_2);
                    assertThat(escalated.by()).isEqualTo(StaffId.SYSTEM);
                }));
        assertThat(eventsOf(id).get(1)).isInstanceOf(ComplaintDeadlineMissed.class);
    }
}
