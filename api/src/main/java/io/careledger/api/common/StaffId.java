package io.careledger.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public record StaffId(@JsonValue String value) {
    public StaffId {
        Ids.require(value, "staffId");
    }

    @JsonCreator
    public static StaffId of(String value) {
        return new StaffId(value);
    }

    /** The actor recorded on events that no person caused (deadlines, policies reacting to events). */
    public static final StaffId SYSTEM = new StaffId("system");

    @Override
    public String toString() {
        return value;
    }
}
