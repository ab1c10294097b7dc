package io.careledger.service.security;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import io.careledger.service.graphql.InputRules;
import io.careledger.service.graphql.MutationRequest;
import io.careledger.service.graphql.MutationRequests;
import io.careledger.service.graphql.UserError;
import io.careledger.service.security.OperationMatrix.IdKind;
import io.careledger.service.security.OperationMatrix.Rule;
import io.careledger.service.security.OperationMatrix.Scope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Wraps the data fetcher of every query, mutation and subscription field, so each call passes, in this order:
 * <ol>
 * <li>the role check of {@link OperationMatrix} (an operation missing from it is refused to everyone);</li>
 * <li>for a mutation, the edge input rules ({@link InputRules}) and the request id: a refusal is the payload's
 * user error, and nothing is sent; for a query or subscription, the same rules on its arguments, a refusal being a
 * {@code BAD_REQUEST} error naming the argument;</li>
 * <li>store scoping: every case, customer, care task and store the arguments name must be one of a scoped staff
 * member's stores;</li>
 * </ol>
 * and then the controller, with the mutation request known to {@code Mutations.execute}. Authorization refusals
 * are {@code FORBIDDEN} GraphQL errors. Registered as a schema type visitor, so Spring's context propagation
 * (security context included) wraps it and it runs on the thread the controller runs on.
 */
@Component
public class OperationGuard extends GraphQLTypeVisitorStub {
    private static final Set<String> OPERATION_TYPES = Set.of("Query", "Mutation", "Subscription");
    private static final Set<String> CASE_ARGUMENTS = Set.of("complaintId", "refundId", "repairId", "caseId");
    private static final Set<String> CUSTOMER_ARGUMENTS = Set.of("customerId", "referredBy");
    private static final Set<String> STORE_ARGUMENTS = Set.of("storeId", "homeStoreId");

    private final StaffScopes scopes;
    private final TargetStores stores;
    private final MutationRequests requests;

    OperationGuard(StaffScopes scopes, TargetStores stores, MutationRequests requests) {
        this.scopes = scopes;
        this.stores = stores;
        this.requests = requests;
    }

    @Override
    public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition field,
                                                        TraverserContext<GraphQLSchemaElement> context) {
        if (context.getParentNode() instanceof GraphQLFieldsContainer parent && OPERATION_TYPES.contains(parent.getName())) {
            GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
            FieldCoordinates coordinates = FieldCoordinates.coordinates(parent.getName(), field.getName());
            DataFetcher<?> fetcher = registry.getDataFetcher(coordinates, field);
            registry.dataFetcher(coordinates, guarded(parent.getName(), field.getName(), fetcher));
        }
        return TraversalControl.CONTINUE;
    }

    private DataFetcher<?> guarded(String type, String field, DataFetcher<?> fetcher) {
        Optional<Rule> found = OperationMatrix.rule(type, field);
        return env -> {
            Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
            if (found.isEmpty() || !hasAnyRole(signedIn, found.get())) {
                return forbidden(env, "Forbidden: your roles do not allow " + field);
            }
            Rule rule = found.get();
            MutationRequest request = null;
            if (type.equals("Mutation")) {
                Map<String, Object> input = env.getArgument("input");
                Optional<UserError> invalid = InputRules.check(input);
                if (invalid.isPresent()) {
                    return refusedPayload(env, invalid.get());
                }
                request = MutationRequest.of(field, input);
                if (request != null) {
                    Optional<UserError> reused = requests.reuseRefusal(signedIn.getName(), request);
                    if (reused.isPresent()) {
                        return refusedPayload(env, reused.get());
                    }
                }
            } else {
                // Query arguments (search text, ids, cursors) pass the same rules, answered as a bad request.
                Optional<UserError> invalid = InputRules.check(env.getArguments());
                if (invalid.isPresent()) {
                    return badRequest(env, invalid.get());
                }
            }
            Optional<String> outside = outsideScope(rule, env);
            if (outside.isPresent()) {
                return forbidden(env, "Forbidden: " + outside.get() + " concerns a store outside yours");
            }
            return request == null ? fetcher.get(env) : MutationRequest.during(request, () -> fetchUnchecked(fetcher, env));
        };
    }

    private static boolean hasAnyRole(Authentication signedIn, Rule rule) {
        if (signedIn == null || !signedIn.isAuthenticated()) {
            return false;
        }
        return signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                       .anyMatch(authority -> rule.roles().stream().anyMatch(role -> authority.equals("ROLE_" + role.name())));
    }

    /** The first argument naming something outside the signed-in staff member's stores, if they are scoped. */
    private Optional<String> outsideScope(Rule rule, DataFetchingEnvironment env) {
        if (rule.scope() == Scope.NONE) {
            return Optional.empty();
        }
        Optional<Set<String>> mine = scopes.current();
        if (mine.isEmpty()) {
            return Optional.empty();
        }
        if (rule.scope() == Scope.UNSCOPED_STAFF_ONLY) {
            return Optional.of("this operation");
        }
        Map<String, Object> arguments = new HashMap<>(env.getArguments());
        if (arguments.get("input") instanceof Map<?, ?> input) {
            input.forEach((key, value) -> arguments.putIfAbsent(String.valueOf(key), value));
        }
        for (Map.Entry<String, Object> argument : arguments.entrySet()) {
            if (!(argument.getValue() instanceof String value)) {
                continue;
            }
            String name = argument.getKey();
            Optional<String> store = storeNamedBy(name, value, rule.id());
            if (store.isPresent() && !mine.get().contains(store.get())) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    private Optional<String> storeNamedBy(String argument, String value, IdKind idKind) {
        if (STORE_ARGUMENTS.contains(argument)) {
            return Optional.of(value);
        }
        if (CASE_ARGUMENTS.contains(argument) || (argument.equals("id") && idKind == IdKind.CASE)) {
            return stores.ofCase(value);
        }
        if (CUSTOMER_ARGUMENTS.contains(argument) || (argument.equals("id") && idKind == IdKind.CUSTOMER)) {
            return stores.ofCustomer(value);
        }
        if (argument.equals("careTaskId") || (argument.equals("id") && idKind == IdKind.CARE_TASK)) {
            return stores.ofCareTask(value);
        }
        return Optional.empty();
    }

    private static Object fetchUnchecked(DataFetcher<?> fetcher, DataFetchingEnvironment env) {
        try {
            return fetcher.get(env);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static DataFetcherResult<Object> badRequest(DataFetchingEnvironment env, UserError error) {
        return DataFetcherResult.newResult().error(GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST)
                .message(error.message()).extensions(Map.of("argument", error.field())).build()).build();
    }

    private static DataFetcherResult<Object> forbidden(DataFetchingEnvironment env, String message) {
        GraphQLError error = GraphqlErrorBuilder.newError(env).errorType(ErrorType.FORBIDDEN).message(message).build();
        return DataFetcherResult.newResult().error(error).build();
    }

    /**
     * A mutation payload holding only the refusal: {@code errors}, empty lists where the payload promises a list,
     * nothing else. A map serves every payload type, since graphql-java reads a map's entries as fields.
     */
    private static Map<String, Object> refusedPayload(DataFetchingEnvironment env, UserError error) {
        Map<String, Object> payload = new HashMap<>();
        GraphQLType type = GraphQLTypeUtil.unwrapNonNull(env.getFieldType());
        if (type instanceof GraphQLObjectType object) {
            for (GraphQLFieldDefinition field : object.getFieldDefinitions()) {
                if (field.getType() instanceof GraphQLNonNull nonNull && nonNull.getWrappedType() instanceof GraphQLList) {
                    payload.put(field.getName(), List.of());
                }
            }
        }
        payload.put("errors", List.of(error));
        return payload;
    }
}
