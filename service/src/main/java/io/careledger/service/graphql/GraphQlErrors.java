package io.careledger.service.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.careledger.api.common.InvalidValueException;
import java.util.Map;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Bad query arguments become BAD_REQUEST errors that name the argument. Anything unexpected stays Spring for
 * GraphQL's INTERNAL_ERROR, which carries no stack trace or class name to the client.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable failure, DataFetchingEnvironment environment) {
        if (failure instanceof QueryInputException bad) {
            return badRequest(bad.getMessage(), bad.argument(), environment);
        }
        if (failure instanceof InvalidValueException invalid) {
            return badRequest(invalid.getMessage(), invalid.field(), environment);
        }
        return null;
    }

    private static GraphQLError badRequest(String message, String argument, DataFetchingEnvironment environment) {
        return GraphqlErrorBuilder.newError(environment)
                                  .errorType(ErrorType.BAD_REQUEST)
                                  .message(message)
                                  .extensions(Map.of("argument", argument == null ? "" : argument))
                                  .build();
    }
}
