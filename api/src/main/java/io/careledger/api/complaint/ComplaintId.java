package io.careledger.api.complaint;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careledger.api.common.Ids;

public record ComplaintId(@JsonValue String value) {
    public ComplaintId {
        Ids.require(value, "complaintId");
    }

    @JsonCreator
    public static ComplaintId of(String value) {
        return new ComplaintId(value);
    }

    /** A fresh id, made at the edge where a new complaint is first requested, never inside a decision. */
    public static ComplaintId generate() {
        return new ComplaintId(Ids.random());
    }

    @Override
    public String toString() {
        return value;
    }
}
