package io.careledger.service.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.careledger.api.common.InvalidValueException;
import io.careledger.command.eventstore.infra.kurrentdb.KurrentUnavailableException;
import java.util.Map;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Bad query arguments become BAD_REQUEST errors that name the argument. An event store that cannot be reached
 * becomes UNAVAILABLE with a message a front-end can show. Anything unexpected stays Spring for GraphQL's
 * INTERNAL_ERROR, which carries no stack trace or class name to the client.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {
    static final String UNAVAILABLE = "UNAVAILABLE";

    @Override
    protected GraphQLError resolveToSingleError(Throwable failure, DataFetchingEnvironment environment) {
        if (failure instanceof QueryInputException bad) {
            return badRequest(bad.getMessage(), bad.argument(), environment);
        }
        if (failure instanceof InvalidValueException invalid) {
            return badRequest(invalid.getMessage(), invalid.field(), environment);
        }
        if (causedBy(failure, KurrentUnavailableException.class)) {
            return GraphqlErrorBuilder.newError(environment)
                                      .errorType(ErrorClassification.errorClassification(UNAVAILABLE))
                                      .message("The event store did not answer in time, so the change is not "
                                              + "confirmed; read the case again before retrying")
                                      .build();
        }
        return null;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static GraphQLError badRequest(String message, String argument, DataFetchingEnvironment environment) {
        return GraphqlErrorBuilder.newError(environment)
                                  .errorType(ErrorType.BAD_REQUEST)
                                  .message(message)
                                  .extensions(Map.of("argument", argument == null ? "" : argument))
                                  .build();
    }
}
