package io.careledger.api.error;

/**
 * A command that a rule refused. Thrown by aggregates before anything is applied, so a rejection never
 * leaves state behind; the edge turns it into a {@code UserError} with the same code, message and field.
 */
public class CommandRejectedException extends RuntimeException {
    private final ErrorCode code;
    private final String field;

    public CommandRejectedException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public CommandRejectedException(ErrorCode code, String message, String field) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    /** The input field at fault, or {@code null} when the rule concerns the case as a whole. */
    public String field() {
        return field;
    }
}
