package io.careledger.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public record OrderId(@JsonValue String value) {
    public OrderId {
        Ids.require(value, "orderId");
    }

    @JsonCreator
    public static OrderId of(String value) {
        return new OrderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
