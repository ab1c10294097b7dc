package io.careledger.service.graphql;

import io.careledger.api.error.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks every mutation input passes at the edge, before any command is built: lengths, money formats,
 * list sizes, request ids and control characters, on every field of every input however deeply nested. The
 * aggregates keep their own, usually tighter, rules (a tag is at most 50 characters); these are the backstop
 * that holds for every field, including ones a future input adds, so no value can be huge, hostile to a log or
 * an export, or expensive to parse ({@code 1e999999999} as an amount). A refusal names the field by its path,
 * e.g. {@code lines[2].unitPrice.amount}.
 */
public final class InputRules {
    /** Free text that may span lines: line breaks and tabs allowed, other control characters not. */
    static final Set<String> MULTILINE_FIELDS = Set.of("description", "transcript", "text", "summary", "resolution",
            "reason", "note", "notes", "comment", "fault", "address", "step");
    /** The longest free text anywhere (an assistant transcript). */
    static final int MULTILINE_MAX = 20_000;
    /** The longest one-line value (names, references, urls); ids and codes are far shorter. */
    static final int LINE_MAX = 500;
    static final int LIST_MAX = 200;
    public static final String REQUEST_ID = "requestId";
    private static final Pattern REQUEST_ID_SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");
    /** Plain decimal notation of a bounded size; the domain then holds scale, sign and currency to its rules. */
    private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,15}(\\.\\d{1,10})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{1,8}");

    private InputRules() {
    }

    /** The first rule {@code input} breaks, if any. */
    public static Optional<UserError> check(Map<String, Object> input) {
        return input == null ? Optional.empty() : object(input, "");
    }

    @SuppressWarnings("unchecked")
    private static Optional<UserError> object(Map<String, Object> fields, String prefix) {
        boolean money = fields.containsKey("amount") && fields.containsKey("currency") && fields.size() == 2;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            String name = field.getKey();
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            Optional<UserError> error = value(name, path, field.getValue(), money);
            if (error.isPresent()) {
                return error;
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Optional<UserError> value(String name, String path, Object value, boolean inMoney) {
        if (value instanceof Map<?, ?> nested) {
            return object((Map<String, Object>) nested, path);
        }
        if (value instanceof List<?> list) {
            if (list.size() > LIST_MAX) {
                return invalid(path, path + " has more than " + LIST_MAX + " entries");
            }
            for (int i = 0; i < list.size(); i++) {
                Optional<UserError> error = value(name, path + "[" + i + "]", list.get(i), inMoney);
                if (error.isPresent()) {
                    return error;
                }
            }
            return Optional.empty();
        }
        if (value instanceof String text) {
            return text(name, path, text, inMoney);
        }
        return Optional.empty();
    }

    private static Optional<UserError> text(String name, String path, String text, boolean inMoney) {
        if (REQUEST_ID.equals(path)) {
            return REQUEST_ID_SHAPE.matcher(text).matches() ? Optional.empty()
                    : invalid(path, "requestId must be 1-64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        }
        if (inMoney && name.equals("amount") && !AMOUNT.matcher(text).matches()) {
            return invalid(path, path + " must be a decimal number such as 12.50");
        }
        if (inMoney && name.equals("currency") && !CURRENCY.matcher(text).matches()) {
            return invalid(path, path + " must be an ISO-4217 code such as CNY");
        }
        boolean multiline = MULTILINE_FIELDS.contains(name);
        int max = multiline ? MULTILINE_MAX : LINE_MAX;
        if (text.length() > max) {
            return invalid(path, path + " must be at most " + max + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if ((Character.isISOControl(c) && !(multiline && lineBreak)) || isInvisibleFormatting(c)) {
                return invalid(path, path + (multiline ? " must not contain control characters other than line breaks"
                        : " must not contain control characters or line breaks"));
            }
        }
        return Optional.empty();
    }

    /**
     * Bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069) make a text display differently from
     * what it says, a known way to disguise content in logs and exports; nobody types them in a service note.
     */
    private static boolean isInvisibleFormatting(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static Optional<UserError> invalid(String field, String message) {
        return Optional.of(new UserError(ErrorCode.INVALID_INPUT, message, field));
    }
}
