package io.careledger.service.graphql;

import io.careledger.api.common.InvalidValueException;
import java.util.function.Function;

/**
 * Typed ids name themselves in their errors ({@code storeId}); an input may hold one under another name
 * ({@code homeStoreId}, {@code referredBy}). This parses a value so that a refusal names the client's field.
 */
public final class InputField {
    private InputField() {
    }

    /** {@code parse(value)}, null for null, with any refusal naming {@code field}. */
    public static <T> T parse(String field, String value, Function<String, T> parse) {
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(field, e.getMessage().replaceFirst("^\\w+", field));
        }
    }
}
