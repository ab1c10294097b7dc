package io.careledger.service.graphql.limits;

import graphql.ErrorClassification;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import java.util.List;
import java.util.Map;

/**
 * A request refused by one of the {@link GraphQlLimits}: graphql-java answers an aborted execution with the
 * underlying error, whose {@code extensions.classification} names the limit ({@code QUERY_TOO_DEEP},
 * {@code QUERY_TOO_COMPLEX}, {@code TOO_MANY_ALIASES}, {@code DOCUMENT_TOO_LARGE}, {@code TIMEOUT}) and whose
 * extensions give the limit and what the request asked for.
 */
public class LimitExceeded extends AbortExecutionException {
    public static final String TOO_DEEP = "QUERY_TOO_DEEP";
    public static final String TOO_COMPLEX = "QUERY_TOO_COMPLEX";
    public static final String TOO_MANY_ALIASES = "TOO_MANY_ALIASES";
    public static final String DOCUMENT_TOO_LARGE = "DOCUMENT_TOO_LARGE";
    public static final String TIMEOUT = "TIMEOUT";

    public LimitExceeded(String classification, String message, int limit, int actual) {
        super(List.of(GraphqlErrorBuilder.newError()
                                         .errorType(ErrorClassification.errorClassification(classification))
                                         .message(message)
                                         .extensions(Map.of("limit", limit, "actual", actual))
                                         .build()));
    }

    /** No stack trace: it is a refusal, not a failure. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
