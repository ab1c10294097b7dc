package io.careledger.service.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The {@code DateTime} scalar: ISO-8601 instants in UTC, as {@link Instant} on the Java side. */
final class InstantScalar {
    static final GraphQLScalarType DATE_TIME = GraphQLScalarType.newScalar()
            .name("DateTime")
            .description("An ISO-8601 instant, e.g. 2026-11-23T09:30:00Z")
            .coercing(new Coercing<Instant, String>() {
                @Override
                public String serialize(Object value, GraphQLContext context, Locale locale) {
                    if (value instanceof Instant instant) {
                        return instant.toString();
                    }
                    throw new CoercingSerializeException("Expected an Instant but got " + value.getClass().getSimpleName());
                }

                @Override
                public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
                    if (input instanceof String text) {
                        return parse(text, CoercingParseValueException::new);
                    }
                    throw new CoercingParseValueException("DateTime must be an ISO-8601 string such as 2026-11-23T09:30:00Z");
                }

                @Override
                public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                            Locale locale) {
                    if (input instanceof StringValue text) {
                        return parse(text.getValue(), CoercingParseLiteralException::new);
                    }
                    throw new CoercingParseLiteralException("DateTime must be an ISO-8601 string such as 2026-11-23T09:30:00Z");
                }
            })
            .build();

    private InstantScalar() {
    }

    private static <E extends RuntimeException> Instant parse(String text, java.util.function.Function<String, E> error) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw error.apply("'" + text + "' is not an ISO-8601 instant such as 2026-11-23T09:30:00Z");
        }
    }
}
