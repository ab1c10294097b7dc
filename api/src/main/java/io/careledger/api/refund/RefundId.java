package io.careledger.api.refund;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careledger.api.common.Ids;

public record RefundId(@JsonValue String value) {
    public RefundId {
        Ids.require(value, "refundId");
    }

    @JsonCreator
    public static RefundId of(String value) {
        return new RefundId(value);
    }

    /** A fresh id, made at the edge where a refund is first requested, never inside a decision. */
    public static RefundId generate() {
        return new RefundId(Ids.random());
    }

    @Override
    public String toString() {
        return value;
    }
}
