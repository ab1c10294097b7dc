package io.careledger.api.common;

/**
 * A value that cannot exist (a blank id, a negative amount, an unknown currency). Carries the name of the
 * field so the edge can report it as a typed user error instead of a server failure.
 */
public class InvalidValueException extends IllegalArgumentException {
    private final String field;

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
