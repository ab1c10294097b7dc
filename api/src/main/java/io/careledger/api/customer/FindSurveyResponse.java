package io.careledger.api.customer;

import java.util.Optional;

/** One survey response of a customer, from the event store. Answers {@code Optional<SurveyResponseView>}. */
public record FindSurveyResponse(CustomerId customerId, SurveyResponseId responseId) {
}
