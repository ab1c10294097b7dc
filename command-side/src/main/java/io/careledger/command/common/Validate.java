package io.careledger.command.common;

import io.careledger.api.error.CommandRejectedException;
import io.careledger.api.error.ErrorCode;

/**
 * Input checks shared by every aggregate, so that each rejection carries the same code and names the field the
 * same way: the edge turns {@code field} into a typed user error, and clients rely on it to highlight the input.
 */
public final class Validate {

    private Validate() {
    }

    public static void required(Object value, String field) {
        if (value == null) {
            throw invalid(field, field + " is required");
        }
    }

    /** Required free text: not blank, at most {@code maxLength} characters. */
    public static void text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw invalid(field, field + " must not be blank");
        }
        optionalText(value, field, maxLength);
    }

    /** Free text that may be absent, but never longer than {@code maxLength} characters. */
    public static void optionalText(String value, String field, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw invalid(field, field + " must be at most " + maxLength + " characters");
        }
    }

    public static CommandRejectedException invalid(String field, String message) {
        return new CommandRejectedException(ErrorCode.INVALID_INPUT, message, field);
    }
}
