package io.careledger.service.graphql;

import io.careledger.api.common.Channel;
import io.careledger.api.common.InvalidValueException;
import io.careledger.api.common.StaffId;
import io.careledger.api.error.CommandRejectedException;
import io.careledger.api.error.ErrorCode;
import io.careledger.service.config.ActorCorrelationDataProvider;
import java.util.Arrays;
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

    private final CommandGateway commands;

    Mutations(CommandGateway commands) {
        this.commands = commands;
    }

    /** The signed-in staff member, recorded as the actor of the command and of every event it causes. */
    public StaffId actor() {
        return StaffId.of(SecurityContextHolder.getContext().getAuthentication().getName());
    }

    public <C, T> Outcome<T> execute(Supplier<C> command, Function<C, T> readBack) {
        C message;
        try {
            message = command.get();
        } catch (InvalidValueException e) {
            return Outcome.refused(new UserError(ErrorCode.INVALID_INPUT, e.getMessage(), e.field()));
        }
        try {
            commands.sendAndWait(message, MetaData.with(ActorCorrelationDataProvider.ACTOR, actor().value())
                                                  .and(ActorCorrelationDataProvider.CHANNEL, channel()));
        } catch (RuntimeException e) {
            return Outcome.refused(toUserError(rootCause(e)));
        }
        return Outcome.success(readBack.apply(message));
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
