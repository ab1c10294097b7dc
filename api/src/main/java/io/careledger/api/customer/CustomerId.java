package io.careledger.api.customer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careledger.api.common.Ids;

public record CustomerId(@JsonValue String value) {
    public CustomerId {
        Ids.require(value, "customerId");
    }

    @JsonCreator
    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    /** A fresh id, made at the edge where a new customer is first requested, never inside a decision. */
    public static CustomerId generate() {
        return new CustomerId(Ids.random());
    }

    @Override
    public String toString() {
        return value;
    }
}
