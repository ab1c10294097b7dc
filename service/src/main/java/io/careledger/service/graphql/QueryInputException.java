package io.careledger.service.graphql;

/** A query argument out of range; answered as a BAD_REQUEST GraphQL error naming the argument. */
public class QueryInputException extends RuntimeException {
    private final String argument;

    public QueryInputException(String argument, String message) {
        super(message, null, false, false);
        this.argument = argument;
    }

    public String argument() {
        return argument;
    }
}
