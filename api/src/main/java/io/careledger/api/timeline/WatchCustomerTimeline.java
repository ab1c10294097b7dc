package io.careledger.api.timeline;

import io.careledger.api.customer.CustomerId;

/**
 * A subscription query: its initial result is an empty list, and each {@link TimelineEntry} for the customer
 * is emitted as an update once it has been projected (so a subscriber that then queries finds it).
 */
public record WatchCustomerTimeline(CustomerId customerId) {
}
