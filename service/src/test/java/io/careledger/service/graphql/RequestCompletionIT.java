package io.careledger.service.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.careledger.api.common.Channel;
import io.careledger.api.common.StaffId;
import io.careledger.api.common.StoreId;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.customer.RegisterCustomer;
import io.careledger.service.config.ActorCorrelationDataProvider;
import io.careledger.service.support.ServiceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A request id is marked done by the command it sent, in that command's transaction: done when the command's
 * events are committed, still pending (and so released by the caller) when they are not.
 */
@ServiceTest
class RequestCompletionIT {
    private static final String ACTOR = "agent";

    @Autowired
    CommandGateway commands;
    @Autowired
    MutationRequests requests;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCommandThatIsAppliedMarksItsRequestDone() {
        RegisterCustomer register = register(CustomerId.generate());
        String requestId = claim(register);

        commands.sendAndWait(register, request(requestId));

        assertThat(state(requestId)).isEqualTo("DONE");
    }

    @Test
    void aCommandWhoseEventsAreNotCommittedLeavesItsRequestPending() {
        CustomerId customer = CustomerId.generate();
        commands.sendAndWait(register(customer), MetaData.with(ActorCorrelationDataProvider.ACTOR, ACTOR));
        RegisterCustomer again = register(customer);
        String requestId = claim(again);

        // The second registration of the same id fails when its first event is appended, after the request was
        // marked in the same transaction: the mark must roll back with the events.
        assertThatThrownBy(() -> commands.sendAndWait(again, request(requestId)))
                .satisfies(failure -> assertThat(chain(failure)).hasAtLeastOneElementOfType(AggregateStreamCreationException.class));

        assertThat(state(requestId)).isEqualTo("PENDING");
    }

    @Test
    void aCommandWithoutARequestMarksNothing() {
        RegisterCustomer register = register(CustomerId.generate());
        String requestId = claim(register);

        commands.sendAndWait(register, MetaData.with(ActorCorrelationDataProvider.ACTOR, ACTOR));

        assertThat(state(requestId)).isEqualTo("PENDING");
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    private String claim(Object command) {
        String requestId = "completion-" + UUID.randomUUID();
        MutationRequest request = MutationRequest.of("registerCustomer", Map.of("requestId", requestId));
        assertThat(requests.claim(ACTOR, request, command)).isEmpty();
        return requestId;
    }

    private static MetaData request(String requestId) {
        return MetaData.with(RequestCompletion.REQUEST_ID, requestId).and(ActorCorrelationDataProvider.ACTOR, ACTOR);
    }

    private String state(String requestId) {
        return jdbc.queryForObject("SELECT state FROM mutation_request WHERE actor = ? AND request_id = ?",
                String.class, ACTOR, requestId);
    }

    private static RegisterCustomer register(CustomerId id) {
        return new RegisterCustomer(id, "Zhou Min", "13800138000", null, null, null, null, null,
                StoreId.of("COMPLETION-1"), null, Channel.STORE_DESK, null, StaffId.of(ACTOR));
    }
}
