package io.careledger.command.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the KurrentDB event store is, read when {@code careledger.event-store=kurrentdb}.
 *
 * @param connectionString e.g. {@code kurrentdb://kurrentdb:2113?tls=false}; the client's own syntax
 * @param streamPrefix     first part of every aggregate stream's name ({@code careledger-<aggregateId>}) and of
 *                         the filter that keeps other applications' streams out of the projections
 * @param operationTimeout the longest any call waits for KurrentDB before the command or read fails
 */
@ConfigurationProperties("careledger.kurrentdb")
public record KurrentDbProperties(
        String connectionString,
        @DefaultValue("careledger") String streamPrefix,
        @DefaultValue("5s") Duration operationTimeout) {

    public KurrentDbProperties {
        if (connectionString == null || connectionString.isBlank()) {
            throw new IllegalStateException(
                    "careledger.kurrentdb.connection-string must be set when careledger.event-store=kurrentdb");
        }
    }
}
