package io.careledger.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.careledger.service.support.Cases;
import io.careledger.service.support.EventCount;
import io.careledger.service.support.RawGraphQl;
import io.careledger.service.support.ServiceTest;
import io.careledger.service.support.Staff;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** API.md: a mutation repeated with the same {@code requestId} returns the first result and records nothing new. */
@ServiceTest
class IdempotencyIT {
    private static final String REGISTER = "mutation($input: RegisterCustomerInput!) { registerCustomer(input: $input) "
            + "{ customer { id name version } errors { code message field } } }";
    private static final String CONTACT = "mutation($input: LogComplaintContactInput!) { logComplaintContact(input: $input) "
            + "{ complaint { id version contacts { summary } } errors { code message field } } }";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRepeatedRegistrationReturnsTheSameCustomerAndRegistersNoOther() {
        EventCount events = new EventCount(jdbc);
        RawGraphQl agent = RawGraphQl.basic(port, "agent", "agent-pass");
        Map<String, Object> input = registration(Cases.newStore(), "reg-" + System.nanoTime());

        Map<String, Object> first = payload(agent.query(REGISTER, Map.of("input", input)), "registerCustomer");
        String id = (String) customer(first).get("id");
        long begun = events.begunOtherThanCareTasks();
        long ofCustomer = events.of(List.of(id));
        Map<String, Object> again = payload(agent.query(REGISTER, Map.of("input", input)), "registerCustomer");

        assertThat(again).isEqualTo(first);
        assertThat(events.begunOtherThanCareTasks()).isEqualTo(begun);
        assertThat(events.of(List.of(id))).isEqualTo(ofCustomer);
    }

    @Test
    void aRepeatedStepOnACaseAppendsNothingAndAnswersTheCaseAsItIsNow() {
        EventCount events = new EventCount(jdbc);
        var supervisor = new Staff(port).supervisor();
        String store = Cases.newStore();
        String complaint = Cases.fileComplaint(supervisor, Cases.registerCustomer(supervisor, store), store, "PRODUCT_QUALITY",
                "idempotent 线头");
        Cases.step(new Staff(port).agent(), "acknowledgeComplaint", complaint, Map.of());
        RawGraphQl agent = RawGraphQl.basic(port, "agent", "agent-pass");
        Map<String, Object> input = Map.of("complaintId", complaint, "kind", "LISTEN", "summary", "heard it", "requestId", "contact-1");

        Map<String, Object> first = payload(agent.query(CONTACT, Map.of("input", input)), "logComplaintContact");
        long stored = events.of(List.of(complaint));
        Map<String, Object> again = payload(agent.query(CONTACT, Map.of("input", input)), "logComplaintContact");

        assertThat(again).isEqualTo(first);
        assertThat((List<?>) complaintOf(again).get("contacts")).hasSize(1);
        assertThat(events.of(List.of(complaint))).isEqualTo(stored);
    }

    @Test
    void theSameIdWithAnotherInputOrMutationIsAUserErrorNamingRequestId() {
        EventCount events = new EventCount(jdbc);
        RawGraphQl agent = RawGraphQl.basic(port, "agent", "agent-pass");
        String requestId = "reuse-" + System.nanoTime();
        String store = Cases.newStore();
        payload(agent.query(REGISTER, Map.of("input", registration(store, requestId))), "registerCustomer");
        long begun = events.begunOtherThanCareTasks();

        Map<String, Object> changed = new HashMap<>(registration(store, requestId));
        changed.put("name", "另一个人");
        assertThat(error(payload(agent.query(REGISTER, Map.of("input", changed)), "registerCustomer")))
                .containsEntry("code", "REQUEST_ID_REUSED").containsEntry("field", "requestId");
        assertThat(error(payload(agent.query(CONTACT, Map.of("input", Map.of("complaintId", "c-1", "kind", "LISTEN",
                "summary", "x", "requestId", requestId))), "logComplaintContact")))
                .containsEntry("code", "REQUEST_ID_REUSED").containsEntry("field", "requestId");
        assertThat(events.begunOtherThanCareTasks()).isEqualTo(begun);
    }

    @Test
    void requestIdsBelongToTheirStaffMember() {
        String requestId = "shared-" + System.nanoTime();
        Map<String, Object> input = registration(Cases.newStore(), requestId);
        String byAgent = (String) customer(payload(RawGraphQl.basic(port, "agent", "agent-pass")
                .query(REGISTER, Map.of("input", input)), "registerCustomer")).get("id");
        String bySupervisor = (String) customer(payload(RawGraphQl.basic(port, "supervisor", "supervisor-pass")
                .query(REGISTER, Map.of("input", input)), "registerCustomer")).get("id");
        assertThat(bySupervisor).isNotEqualTo(byAgent);
    }

    @Test
    void aRefusedRequestLeavesItsIdFreeForTheCorrectedOne() {
        RawGraphQl agent = RawGraphQl.basic(port, "agent", "agent-pass");
        String requestId = "fix-" + System.nanoTime();
        Map<String, Object> wrong = new HashMap<>(registration(Cases.newStore(), requestId));
        wrong.put("phone", "call me maybe");
        assertThat(error(payload(agent.query(REGISTER, Map.of("input", wrong)), "registerCustomer")))
                .containsEntry("code", "INVALID_INPUT").containsEntry("field", "phone");

        Map<String, Object> fixed = new HashMap<>(wrong);
        fixed.put("phone", "13800002222");
        assertThat(customer(payload(agent.query(REGISTER, Map.of("input", fixed)), "registerCustomer"))).containsKey("id");
    }

    @Test
    void concurrentDuplicatesExecuteOnce() throws Exception {
        EventCount events = new EventCount(jdbc);
        RawGraphQl agent = RawGraphQl.basic(port, "agent", "agent-pass");
        Map<String, Object> input = registration(Cases.newStore(), "race-" + System.nanoTime());
        long begun = events.begunOtherThanCareTasks();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Object>> racers = IntStream.range(0, 8).<Callable<Object>>mapToObj(i ->
                    () -> customer(payload(agent.query(REGISTER, Map.of("input", input)), "registerCustomer")).get("id")).toList();
            List<Object> ids = pool.invokeAll(racers).stream().map(IdempotencyIT::get).toList();
            assertThat(ids).doesNotContainNull().containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(events.begunOtherThanCareTasks()).isEqualTo(begun + 1);
    }

    private static Object get(Future<Object> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> registration(String store, String requestId) {
        return Map.of("name", "幂等 " + requestId, "phone", "13900001234", "homeStoreId", store, "channel", "STORE_DESK",
                "requestId", requestId);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> payload(RawGraphQl.Answer answer, String mutation) {
        assertThat(answer.errors()).as(answer.body()).isEmpty();
        return (Map<String, Object>) answer.data().get(mutation);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> complaintOf(Map<String, Object> payload) {
        assertThat((List<?>) payload.get("errors")).as(payload.toString()).isEmpty();
        return (Map<String, Object>) payload.get("complaint");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> customer(Map<String, Object> payload) {
        assertThat((List<?>) payload.get("errors")).as(payload.toString()).isEmpty();
        return (Map<String, Object>) payload.get("customer");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> error(Map<String, Object> payload) {
        List<Map<String, Object>> errors = (List<Map<String, Object>>) payload.get("errors");
        assertThat(errors).as(payload.toString()).hasSize(1);
        return errors.get(0);
    }
}
