package io.careledger.query.cases;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.repair.Material;
import io.careledger.api.repair.RepairCompleted;
import io.careledger.api.repair.RepairDeclaredUnrepairable;
import io.careledger.api.repair.RepairEvent;
import io.careledger.api.repair.RepairId;
import io.careledger.api.repair.RepairItemReturned;
import io.careledger.api.repair.RepairItemTakenIn;
import io.careledger.api.repair.RepairPath;
import io.careledger.api.repair.RepairRegistered;
import io.careledger.api.repair.RepairStepLogged;
import io.careledger.api.repair.RepairView;
import io.careledger.api.repair.WarrantyDecision;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/** Repair stories for the query-side tests: a free repair, and an unrepairable item exchanged for a fee. */
public final class RepairStories {
    public static final Instant T0 = Instant.parse("2026-03-10T02:00:00Z");
    public static final StaffId CLERK = StaffId.of("clerk-1");
    public static final String VERSION = "warranty-2026.1";

    private RepairStories() {
    }

    private static RepairRegistered registered(String id, CustomerId customer, Instant at, RepairPath path) {
        LocalDate registeredOn = LocalDate.parse("2026-03-10");
        return new RepairRegistered(RepairId.of(id), customer, OrderId.of("order-" + id), StoreId.of("SH-002"),
                "COAT-" + id, Material.TEXTILE, Money.of("2400.00", "CNY"), at.minus(Duration.ofDays(40)),
                "拉链坏了 the zip broke",
                new WarrantyDecision(path, VERSION, registeredOn.minusDays(40), registeredOn, 40,
                        registeredOn.minusDays(40).plusMonths(3), false), CLERK, at);
    }

    public static List<RepairEvent> free(String id, CustomerId customer, Instant at) {
        RepairRegistered registered = registered(id, customer, at, RepairPath.FREE_REPAIR);
        RepairId repair = registered.repairId();
        return List.of(registered,
                new RepairItemTakenIn(repair, customer, "GR-" + id, CLERK, at.plusSeconds(60)),
                new RepairStepLogged(repair, customer, "换拉链 zip replaced", CLERK, at.plus(Duration.ofDays(1))),
                new RepairCompleted(repair, customer, true, null, null, "as new", CLERK, at.plus(Duration.ofDays(2))),
                new RepairItemReturned(repair, customer, null, CLERK, at.plus(Duration.ofDays(3))));
    }

    public static List<RepairEvent> unrepairable(String id, CustomerId customer, Instant at) {
        RepairRegistered registered = registered(id, customer, at, RepairPath.FREE_REPAIR);
        RepairId repair = registered.repairId();
        return List.of(registered,
                new RepairItemTakenIn(repair, customer, "GR-" + id, CLERK, at.plusSeconds(60)),
                new RepairDeclaredUnrepairable(repair, customer, "面料无法修复 fabric cannot be restored", 45,
                        new BigDecimal("0.1"), Money.of("240.00", "CNY"), VERSION, CLERK,
                        at.plus(Duration.ofDays(5))),
                new RepairItemReturned(repair, customer, "INV-" + id, CLERK, at.plus(Duration.ofDays(6))));
    }

    public static RepairView fold(List<? extends RepairEvent> events) {
        RepairView view = null;
        for (int sequence = 0; sequence < events.size(); sequence++) {
            view = RepairFold.apply(view, events.get(sequence), sequence);
        }
        return view;
    }

    public static List<DomainEventMessage<RepairEvent>> messages(List<? extends RepairEvent> events) {
        List<DomainEventMessage<RepairEvent>> messages = new ArrayList<>();
        for (int sequence = 0; sequence < events.size(); sequence++) {
            RepairEvent event = events.get(sequence);
            messages.add(new GenericDomainEventMessage<>("RepairAggregate", event.caseId(), sequence, event,
                    MetaData.with("actor", event.by().value()).and("channel", "STORE_DESK")));
        }
        return messages;
    }
}
