package io.careledger.api.customer;

import java.time.Instant;

public record SurveyResponseView(SurveyResponseId id, CustomerId customerId, SurveySubject subject, Integer csat, Integer nps, String comment,
                                 Instant recordedAt) {
}
