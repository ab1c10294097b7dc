package io.careledger.service.graphql.cases;

import io.careledger.api.cases.CaseKind;
import io.careledger.api.cases.CasePage;
import io.careledger.api.cases.CaseSnapshot;
import io.careledger.api.cases.CaseView;
import io.careledger.api.cases.GetCaseAsOf;
import io.careledger.api.cases.GetCaseHistory;
import io.careledger.api.cases.RecordedEvent;
import io.careledger.api.cases.SearchCases;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.complaint.ComplaintId;
import io.careledger.api.complaint.ComplaintStatus;
import io.careledger.api.complaint.ComplaintView;
import io.careledger.api.complaint.Department;
import io.careledger.api.complaint.FindComplaint;
import io.careledger.api.complaint.Severity;
import io.careledger.api.refund.FindRefund;
import io.careledger.api.refund.RefundId;
import io.careledger.api.refund.RefundStatus;
import io.careledger.api.refund.RefundView;
import io.careledger.api.repair.FindRepair;
import io.careledger.api.repair.RepairId;
import io.careledger.api.repair.RepairStatus;
import io.careledger.api.repair.RepairView;
import io.careledger.service.graphql.Connection;
import io.careledger.service.graphql.InputField;
import io.careledger.service.security.Access;
import io.careledger.service.security.StaffScopes;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Reading cases: current state from the read model, and history and past states from the event store. */
@Controller
public class CaseQueryController {
    private final QueryGateway queries;
    private final StaffScopes scopes;

    CaseQueryController(QueryGateway queries, StaffScopes scopes) {
        this.queries = queries;
        this.scopes = scopes;
    }

    @QueryMapping
    @PreAuthorize(Access.READ_CASES)
    public ComplaintView complaint(@Argument String id) {
        return queries.query(new FindComplaint(ComplaintId.of(id)), ResponseTypes.optionalInstanceOf(ComplaintView.class))
                      .join()
                      .orElse(null);
    }

    @QueryMapping
    @PreAuthorize(Access.READ_CASES)
    public Connection<CaseView> searchCases(@Argument String text, @Argument CaseKind kind, @Argument ComplaintStatus status,
                                      @Argument RefundStatus refundStatus, @Argument RepairStatus repairStatus,
                                      @Argument Severity severity, @Argument String storeId,
                                      @Argument Department department, @Argument String owner,
                                      @Argument Boolean breached, @Argument Instant from, @Argument Instant to,
                                      @Argument Integer first, @Argument String after) {
        int pageSize = Connection.pageSize(first, SearchCases.MAX_PAGE_SIZE);
        SearchCases search = new SearchCases(text, kind, status, refundStatus, repairStatus, severity,
                storeId == null ? null : StoreId.of(storeId), department, InputField.parse("owner", owner, StaffId::of),
                breached, from, to, pageSize, after, scopes.currentStoreIds());
        CasePage page = queries.query(search, ResponseTypes.instanceOf(CasePage.class)).join();
        return Connection.of(page.hits(), CasePage.Hit::caseView, CasePage.Hit::cursor, page.hasNextPage(), page.totalCount());
    }

    @QueryMapping
    @PreAuthorize(Access.AUDIT)
    public List<RecordedEvent> caseHistory(@Argument String caseId) {
        return queries.query(new GetCaseHistory(InputField.parse("caseId", caseId, ComplaintId::of).value()),
                ResponseTypes.multipleInstancesOf(RecordedEvent.class)).join();
    }

    @QueryMapping
    @PreAuthorize(Access.AUDIT)
    public CaseSnapshot caseAsOf(@Argument String caseId, @Argument Instant at) {
        return queries.query(new GetCaseAsOf(InputField.parse("caseId", caseId, ComplaintId::of).value(), at),
                ResponseTypes.optionalInstanceOf(CaseSnapshot.class)).join().orElse(null);
    }

    @SchemaMapping(typeName = "CaseSnapshot", field = "case")
    public CaseView snapshotCase(CaseSnapshot snapshot) {
        return snapshot.caseView();
    }

    @QueryMapping
    @PreAuthorize(Access.READ_CASES)
    public RefundView refund(@Argument String id) {
        return queries.query(new FindRefund(RefundId.of(id)), ResponseTypes.optionalInstanceOf(RefundView.class))
                      .join()
                      .orElse(null);
    }

    @QueryMapping
    @PreAuthorize(Access.READ_CASES)
    public RepairView repair(@Argument String id) {
        return queries.query(new FindRepair(RepairId.of(id)), ResponseTypes.optionalInstanceOf(RepairView.class))
                      .join()
                      .orElse(null);
    }

    /** A rate as an exact decimal string, never a float. */
    @SchemaMapping(typeName = "Repair", field = "depreciationRate")
    public String depreciationRate(RepairView repair) {
        return repair.depreciationRate() == null ? null : repair.depreciationRate().toPlainString();
    }

    /** The schema speaks of a photo URL; the events keep it as an opaque reference. */
    @SchemaMapping(typeName = "Refund", field = "photoUrl")
    public String photoUrl(RefundView refund) {
        return refund.photoReference();
    }
}
