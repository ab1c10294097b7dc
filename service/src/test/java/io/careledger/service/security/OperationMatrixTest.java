package io.careledger.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.careledger.service.security.OperationMatrix.Rule;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * The role matrix is one table: every operation of the schema is in it (and nothing else), every controller
 * method's {@code @PreAuthorize} says exactly what the table says, and the README shows the table as it is.
 */
class OperationMatrixTest {

    @Test
    void everyOperationOfTheSchemaIsInTheMatrixAndNothingElse() throws IOException {
        assertThat(new TreeSet<>(OperationMatrix.rules().keySet())).isEqualTo(schemaOperations());
    }

    @Test
    void everyControllerMethodIsGuardedExactlyAsTheMatrixSays() throws Exception {
        Map<String, String> declared = new TreeMap<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.careledger.service")) {
            for (Method method : Class.forName(candidate.getBeanClassName()).getDeclaredMethods()) {
                String operation = operation(method);
                if (operation != null) {
                    PreAuthorize guard = method.getAnnotation(PreAuthorize.class);
                    declared.put(operation, guard == null ? "(none)" : guard.value());
                }
            }
        }
        Map<String, String> expected = OperationMatrix.rules().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().access(), (a, b) -> a, TreeMap::new));
        assertThat(declared).isEqualTo(expected);
    }

    @Test
    void theReadmeShowsTheMatrixAsItIs() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String table = render();
        assertThat(readme).as("README role matrix; expected table:%n%s", table).contains(table);
    }

    @Test
    void rolesAreReadFromTheAccessExpressions() {
        assertThat(OperationMatrix.rolesOf(Access.STAFF)).containsExactlyInAnyOrder(Role.AGENT, Role.SUPERVISOR);
        assertThat(OperationMatrix.rolesOf(Access.ADMIN)).containsExactly(Role.ADMIN);
        assertThat(OperationMatrix.rule("Mutation", "noSuchOperation")).isEmpty();
        assertThat(OperationMatrix.rule("Mutation", "approveRefund").orElseThrow().admits(Role.AGENT)).isFalse();
    }

    /** The README's table: one row per operation, ✔ where a role may call it. */
    static String render() {
        StringBuilder out = new StringBuilder("| operation | " + Arrays.stream(Role.values()).map(Role::name)
                .collect(Collectors.joining(" | ")) + " | store scoping | notes |\n|---|"
                + "---|".repeat(Role.values().length) + "---|---|\n");
        for (Map.Entry<String, Rule> row : OperationMatrix.rules().entrySet()) {
            Rule rule = row.getValue();
            out.append("| `").append(row.getKey()).append("` | ");
            for (Role role : Role.values()) {
                out.append(rule.admits(role) ? "✔" : "").append(" | ");
            }
            out.append(switch (rule.scope()) {
                case NONE -> "—";
                case TARGETS -> "named case, customer, task and stores";
                case FILTERED -> "filtered to own stores";
                case UNSCOPED_STAFF_ONLY -> "unscoped staff only";
            }).append(" | ").append(rule.note()).append(" |\n");
        }
        return out.toString();
    }

    private static String operation(Method method) {
        QueryMapping query = method.getAnnotation(QueryMapping.class);
        if (query != null) {
            return "Query." + named(query.name(), query.value(), method);
        }
        MutationMapping mutation = method.getAnnotation(MutationMapping.class);
        if (mutation != null) {
            return "Mutation." + named(mutation.name(), mutation.value(), method);
        }
        SubscriptionMapping subscription = method.getAnnotation(SubscriptionMapping.class);
        if (subscription != null) {
            return "Subscription." + named(subscription.name(), subscription.value(), method);
        }
        return null;
    }

    private static String named(String name, String value, Method method) {
        return !name.isEmpty() ? name : !value.isEmpty() ? value : method.getName();
    }

    static Set<String> schemaOperations() throws IOException {
        try (var schema = new InputStreamReader(OperationMatrixTest.class.getResourceAsStream("/graphql/careledger.graphqls"),
                StandardCharsets.UTF_8)) {
            TypeDefinitionRegistry registry = new SchemaParser().parse(schema);
            Set<String> operations = new TreeSet<>();
            for (String type : Set.of("Query", "Mutation", "Subscription")) {
                registry.getType(type, ObjectTypeDefinition.class).ifPresent(definition -> definition.getFieldDefinitions()
                        .forEach(field -> operations.add(type + "." + field.getName())));
                registry.objectTypeExtensions().getOrDefault(type, java.util.List.of()).forEach(extension -> extension
                        .getFieldDefinitions().forEach(field -> operations.add(type + "." + field.getName())));
            }
            return operations;
        }
    }
}
