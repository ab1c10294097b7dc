package io.careledger.service.graphql.limits;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.parser.Parser;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

class LimitsTest {
    private static final GraphQlLimits LIMITS = new GraphQlLimits(12, 10_000, 50, 100, 5000, DataSize.ofMegabytes(1),
            Duration.ofMillis(200));

    @Test
    void aliasesAreCountedEverywhereInTheDocument() {
        assertThat(LimitInstrumentations.countAliases(Parser.parse("{ a: complaint(id: \"1\") { b: id c: status } complaint(id: \"2\") { id } }")))
                .isEqualTo(3);
    }

    @Test
    void aRequestOverTheTimeIsAnsweredWithATimeoutError() {
        RequestLimits limits = new RequestLimits(LIMITS);
        WebGraphQlRequest request = request("{ complaint(id: \"1\") { id } }");
        WebGraphQlResponse response = limits.intercept(request, next -> Mono.delay(Duration.ofSeconds(5))
                .map(tick -> new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(next.toExecutionInput(),
                        ExecutionResult.newExecutionResult().data(Map.of()).build())))).block(Duration.ofSeconds(3));

        assertThat(response.getErrors()).singleElement()
                                        .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("TIMEOUT"));
    }

    @Test
    void aDocumentOverTheLimitIsRefusedUnparsed() {
        RequestLimits limits = new RequestLimits(LIMITS);
        WebGraphQlResponse response = limits.intercept(request("{ complaint(id: \"1\") { id } }" + " ".repeat(100)),
                next -> Mono.error(new AssertionError("must not be executed"))).block();

        assertThat(response.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo("DOCUMENT_TOO_LARGE");
            assertThat(error.getExtensions()).containsEntry("limit", 100);
        });
    }

    @Test
    void aPagedSelectionCostsOncePerItem() {
        var calculator = LimitInstrumentations.pagedComplexity();
        var paged = new graphql.analysis.FieldComplexityEnvironment(null, null, null, Map.of("first", 100), null);
        var single = new graphql.analysis.FieldComplexityEnvironment(null, null, null, Map.of(), null);
        assertThat(calculator.calculate(paged, 5)).isEqualTo(501);
        assertThat(calculator.calculate(single, 5)).isEqualTo(6);
    }

    private static WebGraphQlRequest request(String document) {
        return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(), null, null, Map.of(),
                Map.of("query", document), "1", null);
    }
}
