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

    /** Required text on one line (a tag, a SKU): not blank, at most {@code maxLength}, no control characters. */
    public static void line(String value, String field, int maxLength) {
        text(value, field, maxLength);
        noControlCharacters(value, field, false);
    }

    /**
     * Optional text given on one line (a clothing size): when present it must say something, and
     * control characters are refused because they would break every list and export that shows the value.
     */
    public static void optionalLine(String value, String field, int maxLength) {
        if (value != null) {
            line(value, field, maxLength);
        }
    }

    /** Required text that may span lines (a note): line breaks are kept, other control characters refused. */
    public static void multilineText(String value, String field, int maxLength) {
        text(value, field, maxLength);
        noControlCharacters(value, field, true);
    }

    /** Like {@link #multilineText} but may be absent. */
    public static void optionalMultilineText(String value, String field, int maxLength) {
        if (value != null) {
            optionalText(value, field, maxLength);
            noControlCharacters(value, field, true);
        }
    }

    /** Line breaks count whichever way the client writes them ({@code \n} or {@code \r\n}). */
    private static void noControlCharacters(String value, String field, boolean lineBreaksAllowed) {
        boolean refused = value.chars().anyMatch(c -> Character.isISOControl(c)
                && !(lineBreaksAllowed && (c == '\n' || c == '\r')));
        if (refused) {
            throw invalid(field, field + (lineBreaksAllowed
                    ? " must not contain control characters other than line breaks"
                    : " must not contain control characters or line breaks"));
        }
    }

    public static CommandRejectedException invalid(String field, String message) {
        return new CommandRejectedException(ErrorCode.INVALID_INPUT, message, field);
    }
}
