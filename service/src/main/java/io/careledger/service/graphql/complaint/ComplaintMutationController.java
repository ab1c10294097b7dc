package io.careledger.service.graphql.complaint;

import io.careledger.api.cases.CaseSnapshot;
import io.careledger.api.cases.GetCaseAsOf;
import io.careledger.api.common.OrderId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.AcceptResolution;
import io.careledger.api.complaint.AcknowledgeComplaint;
import io.careledger.api.complaint.CloseComplaint;
import io.careledger.api.complaint.ComplaintCommand;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.complaint.ComplaintView;
import io.careledger.api.complaint.EscalateComplaint;
import io.careledger.api.complaint.FileComplaint;
import io.careledger.api.complaint.LogComplaintContact;
import io.careledger.api.complaint.ProposeResolution;
import io.careledger.api.complaint.RecordComplaintFollowUp;
import io.careledger.api.complaint.RejectResolution;
import io.careledger.api.complaint.ReopenComplaint;
import io.careledger.api.customer.CustomerId;
import io.careledger.service.graphql.Mutations;
import io.careledger.service.graphql.complaint.ComplaintInputs.AcknowledgeComplaintInput;
import io.careledger.service.graphql.complaint.ComplaintInputs.FileComplaintInput;
import io.careledger.service.graphql.complaint.ComplaintInputs.LogComplaintContactInput;
import io.careledger.service.graphql.complaint.ComplaintInputs.NoteInput;
import io.careledger.service.graphql.complaint.ComplaintInputs.ProposeResolutionInput;
import io.careledger.service.graphql.complaint.ComplaintInputs.ReasonInput;
import io.careledger.service.graphql.complaint.ComplaintInputs.RecordComplaintFollowUpInput;
import io.careledger.service.security.Access;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** The complaint lifecycle over GraphQL: each mutation is one command, answered with the complaint as stored. */
@Controller
public class ComplaintMutationController {
    private final Mutations mutations;
    private final QueryGateway queries;

    ComplaintMutationController(Mutations mutations, QueryGateway queries) {
        this.mutations = mutations;
        this.queries = queries;
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public ComplaintPayload fileComplaint(@Argument FileComplaintInput input) {
        return run(() -> new FileComplaint(ComplaintId.generate(), CustomerId.of(input.customerId()), input.channel(),
                input.category(), input.description(), StoreId.of(input.storeId()),
                input.orderId() == null ? null : OrderId.of(input.orderId()), input.transcript(), mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public ComplaintPayload acknowledgeComplaint(@Argument AcknowledgeComplaintInput input) {
        return on(input.complaintId(), id -> new AcknowledgeComplaint(id, mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public ComplaintPayload logComplaintContact(@Argument LogComplaintContactInput input) {
        return on(input.complaintId(), id -> new LogComplaintContact(id, input.kind(), input.summary(), mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.SUPERVISOR)
    public ComplaintPayload escalateComplaint(@Argument ReasonInput input) {
        return on(input.complaintId(), id -> new EscalateComplaint(id, input.reason(), mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public ComplaintPayload proposeResolution(@Argument ProposeResolutionInput input) {
        return on(input.complaintId(), id -> new ProposeResolution(id, input.resolution(), input.toCompensation(),
                mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public ComplaintPayload acceptResolution(@Argument NoteInput input) {
        return on(input.complaintId(), id -> new AcceptResolution(id, input.note(), mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public ComplaintPayload rejectResolution(@Argument NoteInput input) {
        return on(input.complaintId(), id -> new RejectResolution(id, input.note(), mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public ComplaintPayload recordComplaintFollowUp(@Argument RecordComplaintFollowUpInput input) {
        return on(input.complaintId(), id -> new RecordComplaintFollowUp(id, input.satisfaction(), input.comment(),
                mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public ComplaintPayload closeComplaint(@Argument ReasonInput input) {
        return on(input.complaintId(), id -> new CloseComplaint(id, input.reason(), mutations.actor()));
    }

    @MutationMapping
    @PreAuthorize(Access.SUPERVISOR)
    public ComplaintPayload reopenComplaint(@Argument ReasonInput input) {
        return on(input.complaintId(), id -> new ReopenComplaint(id, input.reason(), mutations.actor()));
    }

    private ComplaintPayload on(String complaintId, Function<ComplaintId, ComplaintCommand> command) {
        return run(() -> command.apply(ComplaintId.of(complaintId)));
    }

    private ComplaintPayload run(Supplier<ComplaintCommand> command) {
        return ComplaintPayload.of(mutations.execute(command, sent -> current(sent.complaintId())));
    }

    /** Read back from the event store itself, so the caller sees its own write without waiting for projections. */
    private ComplaintView current(ComplaintId id) {
        return queries.query(new GetCaseAsOf(id.value(), null), ResponseTypes.optionalInstanceOf(CaseSnapshot.class))
                      .join()
                      .map(CaseSnapshot::caseView)
                      .filter(ComplaintView.class::isInstance)
                      .map(ComplaintView.class::cast)
                      .orElse(null);
    }
}
