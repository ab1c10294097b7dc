package io.careledger.service.graphql.limits;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.ErrorClassification;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Refuses a document over {@link GraphQlLimits#maxDocumentCharacters()} before it is parsed, and answers a request
 * that runs longer than {@link GraphQlLimits#requestTimeout()} with a {@code TIMEOUT} error. A mutation that timed
 * out may still complete; repeating it with the same {@code requestId} tells its outcome without applying it twice.
 */
public class RequestLimits implements WebGraphQlInterceptor {
    private final GraphQlLimits limits;

    public RequestLimits(GraphQlLimits limits) {
        this.limits = limits;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        int length = request.getDocument() == null ? 0 : request.getDocument().length();
        if (length > limits.maxDocumentCharacters()) {
            return Mono.just(refusal(request, LimitExceeded.DOCUMENT_TOO_LARGE, "The query document has " + length
                    + " characters; at most " + limits.maxDocumentCharacters() + " are allowed",
                    Map.of("limit", limits.maxDocumentCharacters(), "actual", length)));
        }
        return chain.next(request).timeout(limits.requestTimeout(), Mono.fromSupplier(() -> refusal(request,
                LimitExceeded.TIMEOUT, "The request took longer than " + limits.requestTimeout().toMillis()
                        + " ms and was abandoned; a mutation may still have been applied: repeat it with the same "
                        + "requestId to learn its outcome", Map.of("limitMillis", limits.requestTimeout().toMillis()))));
    }

    private static WebGraphQlResponse refusal(WebGraphQlRequest request, String classification, String message,
                                              Map<String, Object> extensions) {
        ExecutionResult result = ExecutionResult.newExecutionResult()
                                                .addError(GraphqlErrorBuilder.newError()
                                                                             .errorType(ErrorClassification.errorClassification(classification))
                                                                             .message(message)
                                                                             .extensions(extensions)
                                                                             .build())
                                                .build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
