package io.careledger.api.cases;

import java.time.Instant;

/** A case replayed up to {@code at}: {@code eventCount} events folded, the last at {@code lastEventAt}. */
public record CaseSnapshot(Instant at, int eventCount, Instant lastEventAt, CaseView caseView) {
}
