package io.careledger.api.repair;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careledger.api.common.Ids;

public record RepairId(@JsonValue String value) {
    public RepairId {
        Ids.require(value, "repairId");
    }

    @JsonCreator
    public static RepairId of(String value) {
        return new RepairId(value);
    }

    /** A fresh id, made at the edge where a repair is first registered, never inside a decision. */
    public static RepairId generate() {
        return new RepairId(Ids.random());
    }

    @Override
    public String toString() {
        return value;
    }
}
