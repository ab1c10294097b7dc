package io.careledger.api.repair;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.careledger.api.common.Ids;
import io.careledger.api.common.OrderId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** One sold garment: an order line's SKU. Derived from both, so every request about it names the same one. */
public record GarmentId(@JsonValue String value) {
    public GarmentId {
        Ids.require(value, "garmentId");
    }

    @JsonCreator
    public static GarmentId of(String value) {
        return new GarmentId(value);
    }

    /** The same order and SKU always give the same id (a name-based UUID). */
    public static GarmentId of(OrderId orderId, String sku) {
        return new GarmentId(UUID.nameUUIDFromBytes(("garment\n" + orderId.value() + "\n" + sku)
                .getBytes(StandardCharsets.UTF_8)).toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
