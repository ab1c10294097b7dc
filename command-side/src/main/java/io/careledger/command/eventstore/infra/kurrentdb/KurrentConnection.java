package io.careledger.command.eventstore.infra.kurrentdb;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.kurrent.dbclient.ConnectionShutdownException;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBClientSettings;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.NoClusterNodeFoundException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * The client and the rules for waiting on it. Every call is bounded by {@code timeout}, so a command fails fast
 * with a clear error while KurrentDB is away instead of hanging on the client's reconnect loop. The client gives
 * up for good after a few failed reconnects (it shuts itself down); a new one is made on the next call, so
 * readers and writers resume on their own once the server is back.
 */
public final class KurrentConnection implements AutoCloseable {
    private final KurrentDBClientSettings settings;
    private final String endpoint;
    private final Duration timeout;
    private KurrentDBClient client;

    public KurrentConnection(String connectionString, Duration timeout) {
        this.settings = KurrentDBConnectionString.parseOrThrow(connectionString);
        this.endpoint = connectionString.replaceAll("//[^@/]*@", "//");
        this.timeout = timeout;
    }

    Duration timeout() {
        return timeout;
    }

    synchronized KurrentDBClient client() {
        if (client == null || client.isShutdown()) {
            client = KurrentDBClient.create(settings);
        }
        return client;
    }

    /**
     * Runs one call and waits at most the timeout for it. Failures that mean "not reachable" become a
     * {@link KurrentUnavailableException}; any other failure of the server is returned as the cause it was.
     *
     * @throws ExecutionException with the server's own answer (wrong expected version, stream not found, …)
     */
    <T> T await(String what, Function<KurrentDBClient, CompletableFuture<T>> call) throws ExecutionException {
        CompletableFuture<T> result = call.apply(client());
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            throw unavailable(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("Interrupted while waiting for KurrentDB to " + what, e);
        } catch (ExecutionException e) {
            if (isUnreachable(e.getCause())) {
                throw unavailable(what, e.getCause());
            }
            throw e;
        }
    }

    KurrentUnavailableException unavailable(String what, Throwable cause) {
        return new KurrentUnavailableException("KurrentDB at " + endpoint + " did not " + what + " within "
                + timeout.toMillis() + " ms: it is unreachable or overloaded (" + cause + ")", cause);
    }

    static boolean isUnreachable(Throwable failure) {
        return failure instanceof ConnectionShutdownException
                || failure instanceof NoClusterNodeFoundException
                || failure instanceof TimeoutException
                || failure instanceof StatusRuntimeException status
                        && (status.getStatus().getCode() == Status.Code.UNAVAILABLE
                        || status.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED)
                || failure != null && failure != failure.getCause() && failure.getCause() != null
                        && isUnreachable(failure.getCause());
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.shutdown();
            client = null;
        }
    }
}
