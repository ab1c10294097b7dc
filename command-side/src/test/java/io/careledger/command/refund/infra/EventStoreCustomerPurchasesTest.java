package io.careledger.command.refund.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.careledger.api.common.Channel;
import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.PurchaseLine;
import io.careledger.api.customer.PurchaseRecorded;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventStoreCustomerPurchasesTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final CustomerId CUSTOMER = CustomerId.of("customer-1");
    private static final OrderId ORDER = OrderId.of("order-42");

    private final EmbeddedEventStore eventStore =
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final EventStoreCustomerPurchases purchases = new EventStoreCustomerPurchases(eventStore);

    @AfterEach
    void shutDown() {
        eventStore.shutDown();
    }

    @Test
    void aRecordedPurchaseIdentifiesItsOrderForItsCustomerOnly() {
        Money price = Money.of("10.00", "CNY");
        eventStore.publish(new GenericDomainEventMessage<>("CustomerAggregate", CUSTOMER.value(), 0,
                new PurchaseRecorded(CUSTOMER, ORDER, StoreId.of("store-7"), Channel.STORE_DESK,
                        List.of(new PurchaseLine("sku-1", "FRESH", 1, price)), price, NOW, 10, 10, price, price,
                        "membership-2026.1", StaffId.of("clerk-1"), NOW)));

        assertThat(purchases.identifies(CUSTOMER, ORDER)).isTrue();
        assertThat(purchases.identifies(CUSTOMER, OrderId.of("order-43"))).isFalse();
        assertThat(purchases.identifies(CustomerId.of("customer-2"), ORDER)).isFalse();
    }
}
