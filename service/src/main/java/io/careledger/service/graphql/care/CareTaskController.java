package io.careledger.service.graphql.care;

import io.careledger.api.care.CareOutcome;
import io.careledger.api.care.CareTaskId;
import io.careledger.api.care.CareTaskPage;
import io.careledger.api.care.CareTaskStatus;
import io.careledger.api.care.CareTaskView;
import io.careledger.api.care.CompleteCareTask;
import io.careledger.api.care.FindCareTask;
import io.careledger.api.care.ScheduleCareTask;
import io.careledger.api.care.SearchCareTasks;
import io.careledger.api.common.StaffId;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.error.ErrorCode;
import io.careledger.service.care.HomeVisitPlanner;
import io.careledger.service.graphql.Connection;
import io.careledger.service.graphql.Mutations;
import io.careledger.service.graphql.UserError;
import io.careledger.service.security.Access;
import io.careledger.service.security.StaffScopes;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Care and follow-up tasks: the work list, completing a task, and planning the yearly home visits. */
@Controller
public class CareTaskController {
    /** Visits reward spending that has happened; nothing before records began can be planned either. */
    private static final int FIRST_PLANNABLE_YEAR = 2000;

    private final Mutations mutations;
    private final QueryGateway queries;
    private final HomeVisitPlanner homeVisits;
    private final Clock clock;
    private final StaffScopes scopes;

    CareTaskController(Mutations mutations, QueryGateway queries, HomeVisitPlanner homeVisits, Clock clock,
                       StaffScopes scopes) {
        this.mutations = mutations;
        this.queries = queries;
        this.homeVisits = homeVisits;
        this.clock = clock;
        this.scopes = scopes;
    }

    record CompleteCareTaskInput(String careTaskId, CareOutcome outcome, String notes, Instant callbackAt) {
    }

    record PlanHomeVisitsInput(int year) {
    }

    public record CompleteCareTaskPayload(CareTaskView careTask, List<UserError> errors) {
    }

    public record PlanHomeVisitsPayload(List<CareTaskView> careTasks, List<UserError> errors) {
    }

    @MutationMapping
    @PreAuthorize(Access.STAFF)
    public CompleteCareTaskPayload completeCareTask(@Argument CompleteCareTaskInput input) {
        var outcome = mutations.execute(
                () -> new CompleteCareTask(CareTaskId.of(input.careTaskId()), input.outcome(), input.notes(),
                        input.callbackAt(), mutations.actor()),
                sent -> find(sent.careTaskId()));
        return new CompleteCareTaskPayload(outcome.value(), outcome.errors());
    }

    /** A visit planned before (same region and year) is answered as planned, not as an error. */
    @MutationMapping
    @PreAuthorize(Access.SUPERVISOR)
    public PlanHomeVisitsPayload planHomeVisits(@Argument PlanHomeVisitsInput input) {
        int thisYear = Year.now(clock).getValue();
        if (input.year() < FIRST_PLANNABLE_YEAR || input.year() > thisYear) {
            return new PlanHomeVisitsPayload(List.of(), List.of(new UserError(ErrorCode.INVALID_INPUT,
                    "year must be between " + FIRST_PLANNABLE_YEAR + " and " + thisYear, "year")));
        }
        List<CareTaskView> planned = new ArrayList<>();
        List<UserError> errors = new ArrayList<>();
        for (ScheduleCareTask visit : homeVisits.plan(input.year(), mutations.actor())) {
            var outcome = mutations.execute(() -> visit, sent -> find(sent.careTaskId()));
            if (outcome.errors().stream().allMatch(error -> error.code() == ErrorCode.ALREADY_EXISTS)) {
                planned.add(find(visit.careTaskId()));
            } else {
                errors.addAll(outcome.errors());
            }
        }
        return new PlanHomeVisitsPayload(planned, errors);
    }

    @QueryMapping
    @PreAuthorize(Access.READ_CASES)
    public CareTaskView careTask(@Argument String id) {
        return find(CareTaskId.of(id));
    }

    @QueryMapping
    @PreAuthorize(Access.READ_CASES)
    public Connection<CareTaskView> careTasks(@Argument String staffId, @Argument CareTaskStatus status,
                                              @Argument Instant dueBefore, @Argument String customerId,
                                              @Argument Integer first, @Argument String after) {
        var search = new SearchCareTasks(staffId == null ? null : StaffId.of(staffId), status, dueBefore,
                customerId == null ? null : CustomerId.of(customerId), Connection.pageSize(first, SearchCareTasks.MAX_PAGE_SIZE), after,
                scopes.currentStoreIds());
        CareTaskPage page = queries.query(search, ResponseTypes.instanceOf(CareTaskPage.class)).join();
        return Connection.of(page.hits(), CareTaskPage.Hit::task, CareTaskPage.Hit::cursor, page.hasNextPage(), page.totalCount());
    }

    private CareTaskView find(CareTaskId id) {
        return queries.query(new FindCareTask(id), ResponseTypes.optionalInstanceOf(CareTaskView.class)).join().orElse(null);
    }
}
