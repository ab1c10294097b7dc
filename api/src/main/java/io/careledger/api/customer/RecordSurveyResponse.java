package io.careledger.api.customer;

import io.careledger.api.common.PersonalData;
import io.careledger.api.common.StaffId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A survey answer: CSAT 1-5 and/or NPS 0-10 (at least one), an optional comment, an optional subject. One
 * response per subject and customer; a second one for the same subject is ALREADY_EXISTS.
 */
public record RecordSurveyResponse(
        @TargetAggregateIdentifier CustomerId customerId,
        SurveyResponseId responseId,
        SurveySubject subject,
        Integer csat,
        Integer nps,
        @PersonalData String comment,
        StaffId actor) implements CustomerCommand {
}
