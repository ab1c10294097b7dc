package io.careledger.service.care;

import io.careledger.api.care.CareTaskId;
import io.careledger.api.care.CareTaskKind;
import io.careledger.api.care.ScheduleCareTask;
import io.careledger.api.common.StaffId;
import io.careledger.api.customer.FindTopAnnualSpender;
import io.careledger.api.customer.TopSpender;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Plans the yearly home visits: for every configured region, the customer whose purchases in the year add
 * up highest (from the customer read model) gets a HOME_VISIT task. The task id is derived from region and
 * year, so planning twice, or on two instances, plans each visit once.
 */
@Component
@EnableConfigurationProperties(RegionsProperties.class)
public class HomeVisitPlanner {
    /** Visits are arranged with the customer; a fortnight is the service promise for getting it in the diary. */
    static final Duration VISIT_DUE_WITHIN = Duration.ofDays(14);

    private final RegionsProperties regions;
    private final QueryGateway queries;
    private final Clock clock;

    HomeVisitPlanner(RegionsProperties regions, QueryGateway queries, Clock clock) {
        this.regions = regions;
        this.queries = queries;
        this.clock = clock;
    }

    /** One schedule command per region that has a top spender in {@code year}. */
    public List<ScheduleCareTask> plan(int year, StaffId actor) {
        List<ScheduleCareTask> visits = new ArrayList<>();
        for (RegionsProperties.Region region : regions.regions()) {
            Optional<TopSpender> top = queries.query(new FindTopAnnualSpender(year, region.storeIds()),
                    ResponseTypes.optionalInstanceOf(TopSpender.class)).join();
            top.ifPresent(spender -> visits.add(new ScheduleCareTask(
                    CareTaskId.forTrigger(CareTaskKind.HOME_VISIT, region.id() + "|" + year),
                    spender.customerId(), CareTaskKind.HOME_VISIT, clock.instant().plus(VISIT_DUE_WITHIN), null, null,
                    "Top spender of region " + region.id() + " in " + year + ": " + spender.annualSpend().amountText() + " "
                            + spender.annualSpend().currency(),
                    "region:" + region.id() + ":" + year, actor)));
        }
        return visits;
    }
}
