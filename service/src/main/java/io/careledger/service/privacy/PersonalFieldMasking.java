package io.careledger.service.privacy;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import io.careledger.api.common.EventName;
import io.careledger.api.timeline.TimelineEntry;
import io.careledger.service.config.EventNames;
import io.careledger.service.graphql.QueryInputException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The one place where personal fields are masked for readers who may not see them in clear ({@link Masking#masks}):
 * every GraphQL field that shows personal data is listed in {@link #FIELDS} with its rule, and its value is masked
 * as it leaves, whichever query, subscription or payload reached it. A timeline entry's summary is hidden when
 * its event carried personal fields (it quotes them). Such readers may not search by free text either: the text
 * would match the very names, numbers and words they must not see, so a search could unmask them.
 * <p>
 * Who is asking is decided once per request (HTTP, or the WebSocket handshake's user for a subscription) and
 * carried in the GraphQL context.
 */
@Component
public class PersonalFieldMasking extends SimplePerformantInstrumentation implements WebGraphQlInterceptor {
    static final String MASKED = PersonalFieldMasking.class.getName() + ".masked";

    /** {@code Type.field} → how it is masked. Every personal field of the schema is here. */
    static final Map<String, Masking.Rule> FIELDS = Map.of(
            "Customer.name", Masking.Rule.NAME,
            "Customer.phone", Masking.Rule.PHONE,
            "Customer.email", Masking.Rule.EMAIL,
            "Customer.birthday", Masking.Rule.ABSENT,
            "Customer.address", Masking.Rule.HIDE,
            "ProfileNote.text", Masking.Rule.HIDE,
            "Complaint.description", Masking.Rule.HIDE,
            "Complaint.transcript", Masking.Rule.HIDE,
            "SurveyResponse.comment", Masking.Rule.HIDE,
            "TimelineEntry.summary", Masking.Rule.HIDE);

    /** Searches whose {@code text} argument matches personal data. */
    static final Set<String> TEXT_SEARCHES = Set.of("Query.searchCustomers", "Query.customerTimeline",
            "Query.searchCases");
    static final String TEXT = "text";

    private final Set<String> personalEventTypes;

    public PersonalFieldMasking(EventNames eventNames) {
        this.personalEventTypes = eventNames.classes().stream()
                .filter(PersonalDataSerializer::hasPersonalData)
                .map(type -> type.getAnnotation(EventName.class).value())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return reader(request).map(PersonalFieldMasking::masks).defaultIfEmpty(true).flatMap(masked -> {
            request.configureExecutionInput((input, builder) -> {
                input.getGraphQLContext().put(MASKED, masked);
                return input;
            });
            return chain.next(request);
        });
    }

    private static Mono<Authentication> reader(WebGraphQlRequest request) {
        if (request instanceof WebSocketGraphQlRequest socket) {
            return socket.getSessionInfo().getPrincipal().ofType(Authentication.class);
        }
        return Mono.justOrEmpty(SecurityContextHolder.getContext().getAuthentication());
    }

    private static boolean masks(Authentication reader) {
        return Masking.masks(reader.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        DataFetchingEnvironment environment = parameters.getEnvironment();
        if (!(environment.getParentType() instanceof GraphQLObjectType parent)) {
            return fetcher;
        }
        String field = parent.getName() + "." + environment.getFieldDefinition().getName();
        Masking.Rule rule = FIELDS.get(field);
        boolean search = TEXT_SEARCHES.contains(field);
        if (rule == null && !search) {
            return fetcher;
        }
        return env -> {
            boolean masked = !Boolean.FALSE.equals(env.getGraphQlContext().get(MASKED));
            if (!masked) {
                return fetcher.get(env);
            }
            if (search) {
                Object text = env.getArgument(TEXT);
                if (text instanceof String words && !words.isBlank()) {
                    throw new QueryInputException(TEXT, "Searching by text is not open to readers who see personal"
                            + " data masked: the text would match the names, numbers and notes kept from them");
                }
                return fetcher.get(env);
            }
            Object value = fetcher.get(env);
            if (value == null || rule == Masking.Rule.ABSENT) {
                return null;
            }
            if (!(value instanceof String text)) {
                throw new IllegalStateException("Personal field " + field + " is no text; it has no masking rule");
            }
            if (env.getSource() instanceof TimelineEntry entry && !personalEventTypes.contains(entry.eventType())) {
                return text;
            }
            return rule.apply(text);
        };
    }
}
