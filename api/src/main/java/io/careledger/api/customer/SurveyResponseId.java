package io.careledger.api.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careledger.api.common.Ids;

public record SurveyResponseId(@JsonValue String value) {
    public SurveyResponseId {
        Ids.require(value, "responseId");
    }

    @JsonCreator
    public static SurveyResponseId of(String value) {
        return new SurveyResponseId(value);
    }

    /** A fresh id, made at the edge where a response is first recorded, never inside a decision. */
    public static SurveyResponseId generate() {
        return new SurveyResponseId(Ids.random());
    }

    @Override
    public String toString() {
        return value;
    }
}
