package io.careledger.api.cases;

import java.time.Instant;

/**
 * The case as it stood at {@code at}, replayed from its stored events; {@code at == null} means "now",
 * which is how a mutation reads back its own write without waiting for projections.
 * Answers {@code Optional<CaseSnapshot>} (empty: no case, or not yet filed at that moment).
 */
public record GetCaseAsOf(String caseId, Instant at) {
}
