package io.careledger.api.cases;

/** Every stored event of a case, oldest first. Answers a {@code List<RecordedEvent>} (empty: no such case). */
public record GetCaseHistory(String caseId) {
}
