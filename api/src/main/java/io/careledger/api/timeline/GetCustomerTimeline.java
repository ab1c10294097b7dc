package io.careledger.api.timeline;

import io.careledger.api.customer.CustomerId;
import java.time.Instant;
import java.util.Set;

/**
 * A customer's timeline, newest first, optionally only some {@code types} (null or empty: all), matching
 * {@code text}, within [{@code from}, {@code to}). {@code after} is an opaque cursor. Answers {@link TimelinePage}.
 */
public record GetCustomerTimeline(CustomerId customerId, Set<TimelineEntryType> types, String text, Instant from, Instant to,
                                  int first, String after) {

    public static final int MAX_PAGE_SIZE = 100;
}
