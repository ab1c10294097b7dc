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
import io.careledger.service.support.RawGraphQl;
import io.careledger.service.support.ServiceTest;
import io.careledger.service.support.Staff;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A property over every mutation of the schema: whatever the input — empty, huge, control characters, wrong types,
 * negative or absurd money, unknown or real ids — the service answers well-formed GraphQL, never a 5xx, nothing
 * internal leaks, and a refused mutation leaves the event store as it was (no event on the aggregates it names, no
 * new aggregate). At least 1,000 inputs per run, drawn by jqwik generators; each failure message holds the request,
 * so a failing draw can be replayed by hand. (jqwik's own runner knows nothing of the Spring test context the
 * service runs in, so the generators are sampled from this JUnit test.)
 */
@ServiceTest
class RandomMutationsIT {
    private static final int DRAWS = 1_000;
    private static final Set<String> ID_FIELDS = Set.of("customerId", "complaintId", "refundId", "repairId", "careTaskId", "referredBy");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noInputBreaksTheServiceOrHalfAppliesAChange() throws Exception {
        TypeDefinitionRegistry schema;
        try (var reader = new InputStreamReader(getClass().getResourceAsStream("/graphql/careledger.graphqls"), StandardCharsets.UTF_8)) {
            schema = new SchemaParser().parse(reader);
        }
        HttpGraphQlTester supervisor = new Staff(port).supervisor();
        String store = Cases.newStore();
        String customer = Customers.register(supervisor, store, "随机");
        String complaint = Cases.fileComplaint(supervisor, customer, store, "PRODUCT_QUALITY", "random inputs");
        Generator generator = new Generator(schema, customer, complaint, store);
        List<FieldDefinition> mutations = schema.getType("Mutation", ObjectTypeDefinition.class).orElseThrow()
                .getFieldDefinitions().stream()
                // Operating the read models is not a change of the record; it is covered by the role matrix.
                .filter(field -> !field.getName().startsWith("rebuild"))
                .toList();
        RawGraphQl caller = RawGraphQl.basic(port, "supervisor", "supervisor-pass");
        EventCount events = new EventCount(jdbc);

        Arbitrary<Draw> draws = Arbitraries.of(mutations).flatMap(generator::draw);
        int refused = 0;
        int refusedByTheRules = 0;
        int applied = 0;
        for (Draw draw : draws.sampleStream().limit(DRAWS).toList()) {
            long begun = events.begunOtherThanCareTasks();
            long named = events.of(draw.namedIds());
            RawGraphQl.Answer answer = caller.post("application/json", draw.body());

            String context = draw.body().length() > 2000 ? draw.body().substring(0, 2000) + "…" : draw.body();
            assertThat(answer.status()).as(context).isBetween(200, 499);
            assertThat(answer.json()).as("well-formed GraphQL: %s %s for %s", answer.status(), answer.body(), context).isNotNull();
            assertThat(answer.json().containsKey("data") || answer.json().containsKey("errors"))
                    .as("well-formed GraphQL: %s", answer.body()).isTrue();
            assertThat(answer.body()).as(context).doesNotContain("Exception", "\tat ", "io.careledger", "java.lang");
            if (refusedAnswer(answer, draw.mutation())) {
                refused++;
                refusedByTheRules += answer.errors().isEmpty() ? 1 : 0;
                assertThat(events.of(draw.namedIds())).as("no event on the named aggregates: %s", context).isEqualTo(named);
                assertThat(events.begunOtherThanCareTasks()).as("no aggregate begun: %s", context).isEqualTo(begun);
            } else {
                applied++;
            }
        }
        System.out.printf("RandomMutationsIT: %d draws, %d refused (%d as user errors, the rest as GraphQL errors), %d applied%n",
                refused + applied, refused, refusedByTheRules, applied);
        assertThat(refused + applied).isGreaterThanOrEqualTo(DRAWS);
        assertThat(refused).as("hostile inputs are mostly refused").isGreaterThan(DRAWS / 2);
        assertThat(applied).as("plausible inputs also get through").isPositive();
        assertThat(refusedByTheRules).as("many draws reach the input rules and the aggregates, past GraphQL validation")
                                     .isGreaterThan(DRAWS / 10);
    }

    @SuppressWarnings("unchecked")
    private static boolean refusedAnswer(RawGraphQl.Answer answer, String mutation) {
        if (!answer.errors().isEmpty() || answer.data() == null || !(answer.data().get(mutation) instanceof Map<?, ?> payload)) {
            return true;
        }
        List<Map<String, Object>> errors = (List<Map<String, Object>>) payload.get("errors");
        if (errors == null || errors.isEmpty()) {
            return false;
        }
        for (Map<String, Object> error : errors) {
            assertThat(error.get("code")).isNotNull();
            if ("INVALID_INPUT".equals(error.get("code"))) {
                assertThat((String) error.get("field")).as("an invalid input names its field: %s", error).isNotBlank();
            }
        }
        return true;
    }

    record Draw(String mutation, String body, Set<String> namedIds) {
    }

    /** Inputs for a mutation from its schema input type: each field valid-looking, hostile, or of the wrong type. */
    private static final class Generator {
        private final TypeDefinitionRegistry schema;
        private final String customer;
        private final String complaint;
        private final String store;

        Generator(TypeDefinitionRegistry schema, String customer, String complaint, String store) {
            this.schema = schema;
            this.customer = customer;
            this.complaint = complaint;
            this.store = store;
        }

        /**
         * Half the draws are hostile in many fields (mostly refused at the edge or by GraphQL validation), half are
         * plausible with a rare bad value, so that they reach the aggregates and their rules too.
         */
        Arbitrary<Draw> draw(FieldDefinition mutation) {
            return Arbitraries.of(1, 30).flatMap(oddsOfGood -> draw(mutation, oddsOfGood));
        }

        private Arbitrary<Draw> draw(FieldDefinition mutation, int oddsOfGood) {
            List<Arbitrary<Map.Entry<String, Object>>> arguments = new ArrayList<>();
            for (InputValueDefinition argument : mutation.getInputValueDefinitions()) {
                arguments.add(value(argument.getName(), argument.getType(), 0, oddsOfGood).map(v -> (Map.Entry<String, Object>) new AbstractMap.SimpleEntry<String, Object>(argument.getName(), v)));
            }
            return Combinators.combine(arguments).as(entries -> {
                Map<String, Object> variables = new LinkedHashMap<>();
                entries.forEach(entry -> variables.put(entry.getKey(), entry.getValue()));
                // JSON null for a required input is a GraphQL validation error: a hostile draw like any other.
                String declarations = String.join(", ", mutation.getInputValueDefinitions().stream()
                        .map(argument -> "$" + argument.getName() + ": " + print(argument.getType())).toList());
                String call = String.join(", ", mutation.getInputValueDefinitions().stream()
                        .map(argument -> argument.getName() + ": $" + argument.getName()).toList());
                String document = "mutation" + (declarations.isEmpty() ? "" : "(" + declarations + ")") + " { "
                        + mutation.getName() + (call.isEmpty() ? "" : "(" + call + ")") + " { errors { code message field } } }";
                Set<String> named = new HashSet<>();
                collectIds(variables, named);
                return new Draw(mutation.getName(), json(Map.of("query", document, "variables", variables)), named);
            });
        }

        private Arbitrary<Object> value(String name, Type<?> type, int depth, int oddsOfGood) {
            if (type instanceof NonNullType nonNull) {
                return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(40 * oddsOfGood, value(name, nonNull.getType(), depth, oddsOfGood)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.just(null)));
            }
            if (type instanceof ListType list) {
                return value(name, list.getType(), depth + 1, oddsOfGood).list().ofMaxSize(depth > 2 ? 1 : 4).map(l -> (Object) l);
            }
            String typeName = ((TypeName) type).getName();
            var input = schema.getType(typeName, InputObjectTypeDefinition.class);
            if (input.isPresent()) {
                List<Arbitrary<Map.Entry<String, Object>>> fields = new ArrayList<>();
                for (InputValueDefinition field : input.get().getInputValueDefinitions()) {
                    Arbitrary<Object> value = value(field.getName(), field.getType(), depth + 1, oddsOfGood);
                    // Optional fields are left out half of the time.
                    Arbitrary<Object> maybe = field.getType() instanceof NonNullType ? value
                            : Arbitraries.oneOf(value, Arbitraries.just(Absent.VALUE));
                    fields.add(maybe.map(v -> (Map.Entry<String, Object>) new AbstractMap.SimpleEntry<String, Object>(field.getName(), v)));
                }
                return Combinators.combine(fields).as(entries -> {
                    Map<String, Object> object = new LinkedHashMap<>();
                    entries.stream().filter(e -> e.getValue() != Absent.VALUE).forEach(e -> object.put(e.getKey(), e.getValue()));
                    return (Object) object;
                });
            }
            var enumeration = schema.getType(typeName, EnumTypeDefinition.class);
            if (enumeration.isPresent()) {
                List<Object> names = new ArrayList<>(enumeration.get().getEnumValueDefinitions().stream().map(v -> (Object) v.getName()).toList());
                return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9 * oddsOfGood, Arbitraries.of(names)),
                        net.jqwik.api.Tuple.of(1, hostileText()));
            }
            return switch (typeName) {
                case "Int" -> Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5 * oddsOfGood, Arbitraries.integers().between(-5, 20).map(i -> (Object) i)),
                        net.jqwik.api.Tuple.of(3, Arbitraries.integers().map(i -> (Object) i)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of((Object) "12", (Object) 1.5, (Object) 99999999999L, (Object) true)));
                case "Boolean" -> Arbitraries.of((Object) true, (Object) false, (Object) "yes", (Object) 0);
                case "DateTime" -> Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(oddsOfGood, Arbitraries.of((Object) "2026-11-20T08:00:00Z", (Object) "2020-02-29T23:59:59Z")),
                        net.jqwik.api.Tuple.of(1, Arbitraries.of((Object) "+999999999-12-31T23:59:59Z", (Object) "yesterday", (Object) "",
                                (Object) 17)));
                default -> text(name, oddsOfGood);
            };
        }

        private Arbitrary<Object> text(String name, int oddsOfGood) {
            List<Object> meaningful = new ArrayList<>(switch (name) {
                case "customerId", "referredBy" -> List.of(customer, customer, "unknown-" + name);
                case "complaintId" -> List.of(complaint, complaint, "unknown-" + name);
                case "storeId", "homeStoreId" -> List.of(store);
                case "phone" -> List.of("13800001111", "+86 139-0000-2222");
                case "email" -> List.of("a@b.cn");
                case "birthday" -> List.of("1990-04-30");
                default -> List.of(customer, complaint, store, "unknown-" + name, "ORD-RANDOM-1", "随机文本 random text");
            });
            if (name.equals("amount")) {
                meaningful.addAll(List.of("10.00", "0", "-1", "0.001", "1e999999999", "99999999999999999999", "NaN", "1,5"));
            }
            if (name.equals("currency")) {
                meaningful.addAll(List.of("CNY", "XXX", "cny", "€"));
            }
            return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2 * oddsOfGood, Arbitraries.of(meaningful)),
                    net.jqwik.api.Tuple.of(1, hostileText()));
        }

        private static Arbitrary<Object> hostileText() {
            return Arbitraries.oneOf(
                    Arbitraries.of((Object) "", (Object) " ", (Object) "\u0000", (Object) "bell\u0007", (Object) "a\nb",
                            (Object) "\u202Egnp.exe", (Object) "' OR 1=1 --", (Object) "<script>alert(1)</script>",
                            (Object) "${jndi:ldap://x/a}", (Object) "..\\..\\etc\\passwd", (Object) "😀😀", (Object) "\uD800"),
                    Arbitraries.strings().all().ofMinLength(0).ofMaxLength(40).map(s -> (Object) s),
                    Arbitraries.strings().withChars('x', '好', '\n').ofMinLength(400).ofMaxLength(25_000).map(s -> (Object) s),
                    Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(10).map(s -> (Object) s));
        }

        @SuppressWarnings("unchecked")
        private static void collectIds(Object value, Set<String> named) {
            if (value instanceof Map<?, ?> map) {
                map.forEach((key, v) -> {
                    if (ID_FIELDS.contains(String.valueOf(key)) && v instanceof String id) {
                        named.add(id);
                    }
                    collectIds(v, named);
                });
            } else if (value instanceof List<?> list) {
                list.forEach(v -> collectIds(v, named));
            }
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

        private static String json(Object value) {
            return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(value);
        }
    }

    /** An optional input field left out. */
    private enum Absent { VALUE }
}
