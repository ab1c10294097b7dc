package io.careledger.api.care;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careledger.api.common.Ids;

public record CareTaskId(@JsonValue String value) {
    public CareTaskId {
        Ids.require(value, "careTaskId");
    }

    @JsonCreator
    public static CareTaskId of(String value) {
        return new CareTaskId(value);
    }

    /**
     * The id of the task a trigger causes, the same every time for the same trigger (a name-based UUID of
     * {@code kind} and {@code triggerKey}), so a replayed or duplicated trigger can never create a second task.
     */
    public static CareTaskId forTrigger(CareTaskKind kind, String triggerKey) {
        return new CareTaskId(java.util.UUID.nameUUIDFromBytes((kind.name() + "|" + triggerKey)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
