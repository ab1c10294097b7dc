package io.careledger.api.customer;

import io.careledger.api.common.Ids;
import io.careledger.api.common.InvalidValueException;

/** What a survey response is about: a case (complaint, later refund or repair) or an order. */
public record SurveySubject(Kind kind, String id) {
    public enum Kind { CASE, ORDER }

    public SurveySubject {
        if (kind == null) {
            throw new InvalidValueException("subjectKind", "subjectKind is required with a subject");
        }
        Ids.require(id, "subjectId");
    }
}
