package io.careledger.service.graphql;

import io.careledger.api.common.Channel;
import io.careledger.api.common.InvalidValueException;
import io.careledger.api.common.StaffId;
import io.careledger.api.error.CommandRejectedException;
import io.careledger.api.error.ErrorCode;
import io.careledger.service.config.ActorCorrelationDataProvider;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The one path every mutation takes: build the command from the input (a malformed value becomes a user
 * error naming its field), send it with who acted and through which channel, translate a refusal into a
 * typed user error, and on success read the result back from the event store.
 */
@Component
public class Mutations {
    /** Front-ends name themselves with this header; its value is recorded as the events' channel. */
    public static final String CHANNEL_HEADER = "X-CareLedger-Channel";
    static final String UNNAMED_CHANNEL = "API";

    /** How long a duplicate waits for the first request with its id to finish before it is told to retry. */
    static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(10);
    private static final long IN_FLIGHT_POLL_MILLIS = 50;

    private final CommandGateway commands;
    private final MutationRequests requests;

    Mutations(CommandGateway commands, MutationRequests requests) {
        this.commands = commands;
        this.requests = requests;
    }

    /** The signed-in staff member, recorded as the actor of the command and of every event it causes. */
    public StaffId actor() {
        return StaffId.of(SecurityContextHolder.getContext().getAuthentication().getName());
    }

    /**
     * With a {@code requestId} in the mutation's input, the request is answered once: the id is claimed for the
     * command before it is sent; a repeat of the same input reads the first command's result back again and sends
     * nothing; the same id with another input is refused ({@code REQUEST_ID_REUSED}); a duplicate arriving while
     * the first is still running waits for it. A refused command frees its id again, since it changed nothing.
     */
    public <C, T> Outcome<T> execute(Supplier<C> command, Function<C, T> readBack) {
        MutationRequest request = MutationRequest.take();
        C message;
        try {
            message = command.get();
        } catch (InvalidValueException e) {
            return Outcome.refused(new UserError(ErrorCode.INVALID_INPUT, e.getMessage(), e.field()));
        }
        if (request == null) {
            return send(message, readBack, MetaData.emptyInstance());
        }
        String actor = actor().value();
        long giveUpAt = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
        while (true) {
            Optional<MutationRequests.Row> held = requests.claim(actor, request, message);
            if (held.isEmpty()) {
                // An applied command has marked its request done in its own transaction (RequestCompletion).
                Outcome<T> outcome = send(message, readBack,
                        MetaData.with(RequestCompletion.REQUEST_ID, request.requestId()));
                if (!outcome.errors().isEmpty()) {
                    requests.release(actor, request.requestId());
                }
                return outcome;
            }
            MutationRequests.Row row = held.get();
            if (!row.mutation().equals(request.mutation()) || !row.fingerprint().equals(request.fingerprint())) {
                return Outcome.refused(reused(request.requestId()));
            }
            if (row.state() == MutationRequests.State.DONE) {
                @SuppressWarnings("unchecked")
                C first = (C) row.command();
                return Outcome.success(readBack.apply(first));
            }
            if (System.nanoTime() > giveUpAt) {
                return Outcome.refused(new UserError(ErrorCode.REQUEST_IN_PROGRESS, "A request with this requestId is "
                        + "still being processed, or its outcome is unknown after a failure; read the result before "
                        + "retrying with a new requestId", InputRules.REQUEST_ID));
            }
            pause();
        }
    }

    /** The refusal for an id already used with another input (or another mutation). */
    public static UserError reused(String requestId) {
        return new UserError(ErrorCode.REQUEST_ID_REUSED,
                "requestId " + requestId + " was already used for a different request; use a new requestId", InputRules.REQUEST_ID);
    }

    private <C, T> Outcome<T> send(C message, Function<C, T> readBack, MetaData request) {
        try {
            commands.sendAndWait(message, request.and(ActorCorrelationDataProvider.ACTOR, actor().value())
                                                 .and(ActorCorrelationDataProvider.CHANNEL, channel()));
        } catch (RuntimeException e) {
            return Outcome.refused(toUserError(rootCause(e)));
        }
        return Outcome.success(readBack.apply(message));
    }

    private static void pause() {
        try {
            Thread.sleep(IN_FLIGHT_POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a duplicate request", e);
        }
    }

    private static Throwable rootCause(RuntimeException e) {
        Throwable cause = e;
        while (cause instanceof CommandExecutionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static UserError toUserError(Throwable failure) {
        if (failure instanceof CommandRejectedException rejected) {
            return new UserError(rejected.code(), rejected.getMessage(), rejected.field());
        }
        if (failure instanceof InvalidValueException invalid) {
            return new UserError(ErrorCode.INVALID_INPUT, invalid.getMessage(), invalid.field());
        }
        if (failure instanceof AggregateNotFoundException notFound) {
            return new UserError(ErrorCode.NOT_FOUND, "No case or customer with id " + notFound.getAggregateIdentifier(), null);
        }
        if (failure instanceof AggregateStreamCreationException) {
            return new UserError(ErrorCode.ALREADY_EXISTS, "That id is already taken", null);
        }
        if (failure instanceof ConcurrencyException) {
            return new UserError(ErrorCode.CONCURRENT_MODIFICATION,
                    "Someone changed this case at the same moment; read it again and retry", null);
        }
        throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
    }

    private static String channel() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            String named = request.getRequest().getHeader(CHANNEL_HEADER);
            if (named != null && Arrays.stream(Channel.values()).anyMatch(c -> c.name().equals(named))) {
                return named;
            }
        }
        return UNNAMED_CHANNEL;
    }
}
