package io.careledger.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.ObjectTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.careledger.service.support.Cases;
import io.careledger.service.support.Customers;
import io.careledger.service.support.EventCount;
import io.careledger.service.support.MutableClock;
import io.careledger.service.support.RawGraphQl;
import io.careledger.service.support.ServiceTest;
import io.careledger.service.support.Staff;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import reactor.core.publisher.Flux;

/**
 * The role matrix, cell by cell: every operation of the schema (queries, mutations and the subscription) called
 * by every role. Where the matrix denies, the answer is a FORBIDDEN GraphQL error and the event store gets
 * nothing; where it allows, nothing is forbidden (the call may still be refused for its content). Requests are
 * generated from the schema itself, with real cases and customers for their ids, so an operation added to the
 * schema is called here too.
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixIT {
    private static final Map<Role, String[]> USERS = Map.of(
            Role.AGENT, new String[] {"agent", "agent-pass"},
            Role.SUPERVISOR, new String[] {"supervisor", "supervisor-pass"},
            Role.AUDITOR, new String[] {"auditor", "auditor-pass"},
            Role.ANALYST, new String[] {"analyst", "analyst-pass"},
            Role.ADMIN, new String[] {"admin", "admin-pass"});

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    private TypeDefinitionRegistry schema;
    private final Map<String, String> ids = new LinkedHashMap<>();
    private boolean settled;

    @BeforeAll
    void realCasesAndCustomers() throws Exception {
        try (var reader = new InputStreamReader(getClass().getResourceAsStream("/graphql/careledger.graphqls"), StandardCharsets.UTF_8)) {
            schema = new SchemaParser().parse(reader);
        }
        HttpGraphQlTester supervisor = new Staff(port).supervisor();
        String store = Cases.newStore();
        String customer = Customers.register(supervisor, store, "权限");
        ids.put("store", store);
        ids.put("customer", customer);
        ids.put("complaint", Cases.fileComplaint(supervisor, customer, store, "PRODUCT_QUALITY", "matrix: 面料起球"));
        ids.put("refund", supervisor.document("mutation($input: RequestRefundInput!) { requestRefund(input: $input) { refund { id } errors { code } } }")
                .variable("input", Map.of("customerId", customer, "storeId", store, "reason", "QUALITY", "method", "STORE_DESK",
                        "hasReceipt", true, "hasOriginalPackaging", true,
                        "lines", List.of(Map.of("sku", "M-1", "category", "MENSWEAR", "quantity", 1,
                                "unitPrice", Map.of("amount", "900.00", "currency", "CNY")))))
                .execute().path("requestRefund.refund.id").entity(String.class).get());
        ids.put("repair", supervisor.document("mutation($input: RegisterRepairInput!) { registerRepair(input: $input) { repair { id } errors { code } } }")
                .variable("input", Map.of("customerId", customer, "orderId", "ORD-M-" + store, "storeId", store, "sku", "COAT-M",
                        "material", "TEXTILE", "salePrice", Map.of("amount", "800.00", "currency", "CNY"),
                        "purchasedAt", clock.instant().minus(Duration.ofDays(40)).toString(), "fault", "zip",
                        "misuseSuspected", false))
                .execute().path("registerRepair.repair.id").entity(String.class).get());
    }

    @TestFactory
    Stream<DynamicTest> deniedCellsAreForbiddenAndRecordNothing() {
        EventCount events = new EventCount(jdbc);
        return cells(false).map(cell -> DynamicTest.dynamicTest(cell.toString(), () -> {
            if (!settled) {
                // Reactions to the fixtures (care tasks after a purchase…) end first; refusals themselves append nothing.
                events.settled();
                settled = true;
            }
            long before = events.all();
            if (cell.type().equals("Subscription")) {
                assertThat(subscribe(cell)).as("subscription refusal").contains("FORBIDDEN");
            } else {
                RawGraphQl.Answer answer = call(cell);
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.classifications()).as(answer.body()).containsExactly("FORBIDDEN");
                assertThat(answer.data() == null || answer.data().get(cell.field()) == null).as(answer.body()).isTrue();
            }
            assertThat(events.all()).as("nothing recorded").isEqualTo(before);
        }));
    }

    @TestFactory
    Stream<DynamicTest> allowedCellsAreNotForbidden() {
        return cells(true).map(cell -> DynamicTest.dynamicTest(cell.toString(), () -> {
            if (cell.type().equals("Subscription")) {
                assertThat(subscribe(cell)).as("subscription").doesNotContain("FORBIDDEN");
            } else {
                RawGraphQl.Answer answer = call(cell);
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.classifications()).as(answer.body()).doesNotContain("FORBIDDEN");
                assertThat(answer.json()).as(answer.body()).containsKey("data");
            }
        }));
    }

    record Cell(String type, String field, Role role) {
        @Override
        public String toString() {
            return role + " " + type + "." + field;
        }
    }

    /** Every operation × every role the matrix admits ({@code allowed}) or refuses. */
    private Stream<Cell> cells(boolean allowed) {
        List<Cell> cells = new ArrayList<>();
        for (String operation : OperationMatrix.rules().keySet()) {
            String[] parts = operation.split("\\.");
            for (Role role : Role.values()) {
                if (OperationMatrix.rule(parts[0], parts[1]).orElseThrow().admits(role) == allowed) {
                    cells.add(new Cell(parts[0], parts[1], role));
                }
            }
        }
        assertThat(cells).isNotEmpty();
        return cells.stream();
    }

    private RawGraphQl.Answer call(Cell cell) {
        String[] user = USERS.get(cell.role());
        return RawGraphQl.basic(port, user[0], user[1]).query(document(cell), variables(cell));
    }

    /** Subscribes over the WebSocket for two seconds; answers what came back (errors included) as text. */
    private String subscribe(Cell cell) {
        String[] user = USERS.get(cell.role());
        try {
            return new Staff(port).webSocket(user[0], user[1]).document(document(cell)).variables(variables(cell))
                                  .executeSubscription().toFlux()
                                  .take(Duration.ofSeconds(2))
                                  .map(response -> {
                                      List<String> types = new ArrayList<>();
                                      response.errors().satisfy(errors -> errors.forEach(e -> types.add(String.valueOf(e.getErrorType()))));
                                      return "response " + types;
                                  })
                                  .onErrorResume(error -> Flux.just("error " + error))
                                  .collect(Collectors.joining("\n")).block(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            return "error " + e;
        }
    }

    /** The operation's definition, on the root type or on one of its {@code extend type} blocks. */
    private FieldDefinition field(Cell cell) {
        Stream<ObjectTypeDefinition> definitions = Stream.concat(
                schema.getType(cell.type(), ObjectTypeDefinition.class).stream(),
                schema.objectTypeExtensions().getOrDefault(cell.type(), List.of()).stream());
        return definitions.flatMap(definition -> definition.getFieldDefinitions().stream())
                          .filter(f -> f.getName().equals(cell.field())).findFirst()
                          .orElseThrow(() -> new AssertionError(cell.type() + "." + cell.field() + " is not in the schema"));
    }

    /** Only what the operation requires: the cell is about who may call, not about the filters. */
    private static List<InputValueDefinition> required(FieldDefinition field) {
        return field.getInputValueDefinitions().stream().filter(argument -> argument.getType() instanceof NonNullType).toList();
    }

    private String document(Cell cell) {
        FieldDefinition field = field(cell);
        String keyword = switch (cell.type()) {
            case "Mutation" -> "mutation";
            case "Subscription" -> "subscription";
            default -> "query";
        };
        String declarations = required(field).stream()
                .map(argument -> "$" + argument.getName() + ": " + print(argument.getType()))
                .collect(Collectors.joining(", "));
        String arguments = required(field).stream()
                .map(argument -> argument.getName() + ": $" + argument.getName())
                .collect(Collectors.joining(", "));
        boolean scalar = isLeaf(field.getType());
        return keyword + (declarations.isEmpty() ? "" : "(" + declarations + ")") + " { " + cell.field()
                + (arguments.isEmpty() ? "" : "(" + arguments + ")") + (scalar ? "" : " { __typename }") + " }";
    }

    private Map<String, Object> variables(Cell cell) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (InputValueDefinition argument : required(field(cell))) {
            variables.put(argument.getName(), value(cell.field(), argument.getName(), argument.getType()));
        }
        return variables;
    }

    private Object value(String operation, String name, Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return value(operation, name, nonNull.getType());
        }
        if (type instanceof ListType list) {
            return List.of(value(operation, name, list.getType()));
        }
        String typeName = ((TypeName) type).getName();
        var input = schema.getType(typeName, InputObjectTypeDefinition.class);
        if (input.isPresent()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (InputValueDefinition field : input.get().getInputValueDefinitions()) {
                if (field.getType() instanceof NonNullType) {
                    fields.put(field.getName(), value(operation, field.getName(), field.getType()));
                }
            }
            return fields;
        }
        var enumeration = schema.getType(typeName, EnumTypeDefinition.class);
        if (enumeration.isPresent()) {
            return enumeration.get().getEnumValueDefinitions().get(0).getName();
        }
        return switch (typeName) {
            case "Int" -> name.equals("year") ? 2020 : name.equals("satisfaction") || name.equals("csat") ? 4 : 1;
            case "Float" -> 1.0;
            case "Boolean" -> false;
            case "DateTime" -> clock.instant().minus(Duration.ofDays(1)).toString();
            default -> text(operation, name);
        };
    }

    private String text(String operation, String name) {
        return switch (name) {
            case "customerId", "referredBy" -> ids.get("customer");
            case "complaintId", "caseId" -> ids.get("complaint");
            case "refundId" -> ids.get("refund");
            case "repairId" -> ids.get("repair");
            case "storeId", "homeStoreId" -> ids.get("store");
            case "careTaskId" -> "matrix-unknown-task";
            case "orderId" -> "ORD-M-" + ids.get("store");
            case "phone" -> "13800001111";
            case "amount" -> "10.00";
            case "currency" -> "CNY";
            case "id" -> switch (operation) {
                case "customer" -> ids.get("customer");
                case "refund" -> ids.get("refund");
                case "repair" -> ids.get("repair");
                case "careTask" -> "matrix-unknown-task";
                default -> ids.get("complaint");
            };
            default -> "matrix check";
        };
    }

    private boolean isLeaf(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return isLeaf(nonNull.getType());
        }
        if (type instanceof ListType list) {
            return isLeaf(list.getType());
        }
        String name = ((TypeName) type).getName();
        return schema.getType(name, ObjectTypeDefinition.class).isEmpty()
                && schema.getType(name, graphql.language.InterfaceTypeDefinition.class).isEmpty();
    }

    private static String print(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return print(nonNull.getType()) + "!";
        }
        if (type instanceof ListType list) {
            return "[" + print(list.getType()) + "]";
        }
        return ((TypeName) type).getName();
    }
}
