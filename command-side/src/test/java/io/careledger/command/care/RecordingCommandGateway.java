package io.careledger.command.care;

import io.careledger.api.care.CareTaskId;
import io.careledger.api.care.ScheduleCareTask;
import io.careledger.api.error.CommandRejectedException;
import io.careledger.api.error.ErrorCode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;

/**
 * Records what the care process sends through {@code sendAndWait}. Like the care task, it refuses a task id it
 * has seen as ALREADY_EXISTS; {@link #failWith} makes it fail otherwise.
 */
final class RecordingCommandGateway implements CommandGateway {

    private final List<ScheduleCareTask> sent = new ArrayList<>();
    private final Set<CareTaskId> created = new HashSet<>();
    private Function<ScheduleCareTask, RuntimeException> failure = command -> null;

    List<ScheduleCareTask> sent() {
        return sent;
    }

    /** The tasks that really came into being: each id once. */
    Set<CareTaskId> created() {
        return created;
    }

    RecordingCommandGateway failWith(Function<ScheduleCareTask, RuntimeException> failure) {
        this.failure = failure;
        return this;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R> R sendAndWait(Object command) {
        ScheduleCareTask task = (ScheduleCareTask) command;
        sent.add(task);
        RuntimeException failed = failure.apply(task);
        if (failed != null) {
            throw failed;
        }
        if (!created.add(task.careTaskId())) {
            throw new CommandRejectedException(ErrorCode.ALREADY_EXISTS, "exists already", "careTaskId");
        }
        return null;
    }

    @Override
    public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
        throw new UnsupportedOperationException("the care process waits for each task");
    }

    @Override
    public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
        throw new UnsupportedOperationException("the care process waits for each task");
    }

    @Override
    public <R> CompletableFuture<R> send(Object command) {
        throw new UnsupportedOperationException("the care process waits for each task");
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super CommandMessage<?>> dispatchInterceptor) {
        throw new UnsupportedOperationException();
    }
}
