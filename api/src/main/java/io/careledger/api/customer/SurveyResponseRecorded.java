package io.careledger.api.customer;

import io.careledger.api.common.PersonalData;
import io.careledger.api.common.EventName;
import io.careledger.api.common.StaffId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@EventName("customer.survey-response-recorded")
@Revision("1")
public record SurveyResponseRecorded(
        CustomerId customerId,
        SurveyResponseId responseId,
        SurveySubject subject,
        Integer csat,
        Integer nps,
        @PersonalData String comment,
        StaffId by,
        Instant occurredAt) implements CustomerEvent {
}
