package io.careledger.service.graphql;

import io.careledger.service.config.ActorCorrelationDataProvider;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Marks a mutation's request id done in the transaction of the command it sent, so the id stands for the
 * command's result exactly when the command's events are committed: both or neither. Done after the command, in a
 * transaction of its own, the mark cost every mutation one more write-through commit (a sixth of the mutation's
 * samples in the throughput benchmark, with the claim), and a crash between the two commits left an applied
 * request answering {@code REQUEST_IN_PROGRESS} for good. With the events in KurrentDB (production) the mark
 * still commits with the command's database transaction, just after the append. Axon's auto-configuration
 * registers it with the command bus, as it does every command handler interceptor bean.
 */
@Component
class RequestCompletion implements MessageHandlerInterceptor<CommandMessage<?>> {
    /** The command's metadata key for the request id it answers; set only by {@link Mutations}. */
    static final String REQUEST_ID = "requestId";

    private final MutationRequests requests;

    RequestCompletion(MutationRequests requests) {
        this.requests = requests;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        if (command.getMetaData().get(REQUEST_ID) instanceof String requestId
                && command.getMetaData().get(ActorCorrelationDataProvider.ACTOR) instanceof String actor) {
            unitOfWork.onPrepareCommit(committing -> requests.complete(actor, requestId));
        }
        return interceptorChain.proceed();
    }
}
