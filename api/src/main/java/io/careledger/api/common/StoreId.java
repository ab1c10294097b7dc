package io.careledger.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public record StoreId(@JsonValue String value) {
    public StoreId {
        Ids.require(value, "storeId");
    }

    @JsonCreator
    public static StoreId of(String value) {
        return new StoreId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
