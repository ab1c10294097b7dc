package io.careledger.api.common;

import java.util.UUID;
import java.util.regex.Pattern;

/** Shared rules for the textual form of every typed id. */
public final class Ids {
    /** Letters, digits and a few separators; long enough for UUIDs and retailers' own order numbers. */
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private Ids() {
    }

    public static String require(String value, String field) {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new InvalidValueException(field,
                    field + " must be 1-64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        }
        return value;
    }

    public static String random() {
        return UUID.randomUUID().toString();
    }
}
