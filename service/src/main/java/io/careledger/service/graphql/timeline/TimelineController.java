package io.careledger.service.graphql.timeline;

import io.careledger.api.customer.CustomerId;
import io.careledger.api.timeline.GetCustomerTimeline;
import io.careledger.api.timeline.TimelineEntry;
import io.careledger.api.timeline.TimelineEntryType;
import io.careledger.api.timeline.TimelinePage;
import io.careledger.api.timeline.WatchCustomerTimeline;
import io.careledger.service.graphql.Connection;
import io.careledger.service.security.Access;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** A customer's timeline: pages searched from the timeline read model, and live entries as they are projected. */
@Controller
public class TimelineController {
    private final QueryGateway queries;

    TimelineController(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryMapping
    @PreAuthorize(Access.READ_CASES)
    public Connection<TimelineEntry> customerTimeline(@Argument String customerId, @Argument Integer first,
                                                      @Argument String after, @Argument List<TimelineEntryType> types,
                                                      @Argument String text, @Argument Instant from, @Argument Instant to) {
        var query = new GetCustomerTimeline(CustomerId.of(customerId),
                types == null || types.isEmpty() ? EnumSet.noneOf(TimelineEntryType.class) : EnumSet.copyOf(types), text, from, to,
                Connection.pageSize(first, GetCustomerTimeline.MAX_PAGE_SIZE), after);
        TimelinePage page = queries.query(query, ResponseTypes.instanceOf(TimelinePage.class)).join();
        return Connection.of(page.hits(), TimelinePage.Hit::entry, TimelinePage.Hit::cursor, page.hasNextPage(), page.totalCount());
    }

    /** Axon's subscription query carries the projected entries; closing the GraphQL subscription closes it. */
    @SubscriptionMapping("customerTimeline")
    @PreAuthorize(Access.READ_CASES)
    public Flux<TimelineEntry> watchCustomerTimeline(@Argument String customerId) {
        SubscriptionQueryResult<List<TimelineEntry>, TimelineEntry> result = queries.subscriptionQuery(
                new WatchCustomerTimeline(CustomerId.of(customerId)),
                ResponseTypes.multipleInstancesOf(TimelineEntry.class), ResponseTypes.instanceOf(TimelineEntry.class));
        return result.initialResult().flatMapMany(Flux::fromIterable).concatWith(result.updates()).doFinally(signal -> result.cancel());
    }

    @SchemaMapping(typeName = "TimelineEntry", field = "id")
    public String id(TimelineEntry entry) {
        return entry.entryId();
    }
}
