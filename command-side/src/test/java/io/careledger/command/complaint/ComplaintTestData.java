package io.careledger.command.complaint;

import static io.careledger.api.complaint.ComplaintCategory.PRICE_DISPUTE;

import io.careledger.api.common.Channel;
import io.careledger.api.common.Money;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.AcceptResolution;
import io.careledger.api.complaint.AcknowledgeComplaint;
import io.careledger.api.complaint.CloseComplaint;
import io.careledger.api.complaint.Compensation;
import io.careledger.api.complaint.CompensationKind;
import io.careledger.api.complaint.ComplaintAcknowledged;
import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.complaint.ComplaintClosed;
import io.careledger.api.complaint.ComplaintContactLogged;
import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.complaint.ComplaintFiled;
import io.careledger.api.complaint.ComplaintFollowedUp;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.complaint.ComplaintReopened;
import io.careledger.api.complaint.ComplaintResolved;
import io.careledger.api.complaint.ComplaintStatus;
import io.careledger.api.complaint.ContactKind;
import io.careledger.api.complaint.Department;
import io.careledger.api.complaint.EscalateComplaint;
import io.careledger.api.complaint.FileComplaint;
import io.careledger.api.complaint.LogComplaintContact;
import io.careledger.api.complaint.ProposeResolution;
import io.careledger.api.complaint.RecordComplaintFollowUp;
import io.careledger.api.complaint.RejectResolution;
import io.careledger.api.complaint.ReopenComplaint;
import io.careledger.api.complaint.ResolutionProposed;
import io.careledger.api.complaint.Severity;
import io.careledger.api.customer.CustomerId;
import io.careledger.command.complaint.policy.RoutingPolicy;
import io.careledger.command.complaint.policy.SeverityPolicy;
import io.careledger.command.customer.KnownCustomers;
import io.careledger.command.support.FixtureClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;

/** One complaint's worth of test data, shared by the fixture tests and the property test. */
final class ComplaintTestData {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final ComplaintId ID = ComplaintId.of("complaint-1");
    static final CustomerId CUSTOMER = CustomerId.of("customer-1");
    static final CustomerId STRANGER = CustomerId.of("customer-unknown");
    static final StoreId STORE = StoreId.of("store-7");
    static final OrderId ORDER = OrderId.of("order-42");
    static final StaffId CLERK = StaffId.of("clerk-1");
    static final StaffId COLLEAGUE = StaffId.of("clerk-2");
    static final StaffId SUPERVISOR = StaffId.of("supervisor-1");
    static final String SEVERITY_VERSION = "severity-2026.1";
    static final String ROUTING_VERSION = "routing-2026.1";
    static final String DESCRIPTION = "The cake bought this morning was mouldy";
    static final String RESOLUTION = "Full refund and a coupon for the bakery";
    static final List<Compensation> COMPENSATION = List.of(
            new Compensation(CompensationKind.REFUND, Money.of("25.00", "CNY"), "price of the cake"),
            new Compensation(CompensationKind.COUPON, null, "10 yuan bakery coupon"));

    private ComplaintTestData() {
    }

    /** A fixture whose clock follows its own simulated time and that knows exactly one customer. */
    static AggregateTestFixture<ComplaintAggregate> newFixture() {
        AggregateTestFixture<ComplaintAggregate> fixture = new AggregateTestFixture<>(ComplaintAggregate.class);
        KnownCustomers customers = CUSTOMER::equals;
        fixture.registerInjectableResources(SeverityPolicy.defaults(), RoutingPolicy.defaults(),
                new FixtureClock(fixture::currentTime), customers);
        return fixture;
    }

    static FileComplaint file(ComplaintCategory category) {
        return new FileComplaint(ID, CUSTOMER, Channel.HOTLINE, category, DESCRIPTION, STORE, ORDER, null, CLERK);
    }

    /** What filing {@link #file(ComplaintCategory)} at {@link #T0} records, with the policy's expected answer. */
    static ComplaintFiled filed(ComplaintCategory category, Severity severity, Department department,
                                Duration firstResponse) {
        return new ComplaintFiled(ID, CUSTOMER, Channel.HOTLINE, category, DESCRIPTION, STORE, ORDER, null,
                severity, department, T0.plus(firstResponse), SEVERITY_VERSION, ROUTING_VERSION, CLERK, T0);
    }

    static AcknowledgeComplaint acknowledge() {
        return new AcknowledgeComplaint(ID, CLERK);
    }

    static LogComplaintContact contact(ContactKind kind) {
        return new LogComplaintContact(ID, kind, "Talked it through with the customer", CLERK);
    }

    static EscalateComplaint escalate() {
        return new EscalateComplaint(ID, "Customer threatens to go to the press", SUPERVISOR);
    }

    static ProposeResolution propose() {
        return new ProposeResolution(ID, RESOLUTION, COMPENSATION, CLERK);
    }

    static AcceptResolution accept() {
        return new AcceptResolution(ID, "Customer is happy", CLERK);
    }

    static RejectResolution reject() {
        return new RejectResolution(ID, "Customer wants an exchange", CLERK);
    }

    static RecordComplaintFollowUp followUp() {
        return new RecordComplaintFollowUp(ID, 5, "Would shop again", CLERK);
    }

    static CloseComplaint close() {
        return new CloseComplaint(ID, null, CLERK);
    }

    static ReopenComplaint reopen() {
        return new ReopenComplaint(ID, "The coupon was refused at the till", CLERK);
    }

    /**
     * The events that bring a level-1 price dispute to {@code status}. Relies on {@link ComplaintStatus} listing
     * the statuses in lifecycle order, one event per step.
     */
    static List<ComplaintEvent> history(ComplaintStatus status) {
        List<ComplaintEvent> lifecycle = List.of(
                filed(PRICE_DISPUTE, Severity.LEVEL_1, Department.STORE_SERVICE_DESK, Duration.ofHours(1)),
                new ComplaintAcknowledged(ID, true, CLERK, T0),
                new ComplaintContactLogged(ID, ContactKind.LISTEN, "Listened to the whole story", CLERK, T0),
                new ResolutionProposed(ID, RESOLUTION, COMPENSATION, CLERK, T0),
                new ComplaintResolved(ID, null, true, T0, CLERK, T0),
                new ComplaintFollowedUp(ID, 4, null, CLERK, T0),
                new ComplaintClosed(ID, null, CLERK, T0),
                new ComplaintReopened(ID, "The coupon was refused at the till", CLERK, T0));
        return lifecycle.subList(0, status.ordinal() + 1);
    }
}
