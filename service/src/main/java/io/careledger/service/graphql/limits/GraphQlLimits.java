package io.careledger.service.graphql.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How much one GraphQL request may ask for ({@code careledger.graphql.limits.*}). The defaults leave every
 * documented client query plenty of room (the deepest, a refund's decision inputs through {@code caseAsOf}, is
 * 6 levels; a full page of 100 cases with all fields costs about 3,000) while refusing documents built to
 * exhaust the service.
 */
@ConfigurationProperties("careledger.graphql.limits")
public record GraphQlLimits(
        /* Nesting of selections, counted from the operation's fields. */
        @DefaultValue("12") int maxDepth,
        /* Fields the answer may hold: 1 per field, a connection's selection counted `first` times. */
        @DefaultValue("10000") int maxComplexity,
        @DefaultValue("50") int maxAliases,
        /* The query document's length in characters (variables not included). */
        @DefaultValue("32768") int maxDocumentCharacters,
        /* Tokens of the query document, enforced by graphql-java's parser. */
        @DefaultValue("5000") int maxTokens,
        /* The whole HTTP request body, variables included (a transcript may be 20,000 characters). */
        @DefaultValue("1MB") DataSize maxRequestSize,
        /* The longest a request may take before the client is answered with a TIMEOUT error. */
        @DefaultValue("30s") Duration requestTimeout) {
}
