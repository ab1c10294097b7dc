package io.careledger.service.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.parser.ParserOptions;
import io.careledger.api.complaint.ComplaintView;
import io.careledger.api.refund.RefundView;
import io.careledger.api.repair.RepairView;
import io.careledger.service.graphql.limits.GraphQlLimits;
import io.careledger.service.graphql.limits.LimitInstrumentations;
import io.careledger.service.graphql.limits.RequestLimits;
import io.careledger.service.graphql.limits.RequestSizeFilter;
import io.careledger.service.security.OperationGuard;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.graphql.execution.ClassNameTypeResolver;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({GraphQlLimits.class, DocumentCache.Settings.class})
public class GraphQlConfiguration {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring.scalar(InstantScalar.DATE_TIME);
    }

    /**
     * The {@code Case} interface is resolved from the Java view type of each kind of case; every operation field
     * passes the {@link OperationGuard} (roles, input rules, request ids, store scoping).
     */
    @Bean
    GraphQlSourceBuilderCustomizer caseTypesAndGuard(OperationGuard guard) {
        ClassNameTypeResolver resolver = new ClassNameTypeResolver();
        resolver.addMapping(ComplaintView.class, "Complaint");
        resolver.addMapping(RefundView.class, "Refund");
        resolver.addMapping(RepairView.class, "Repair");
        return builder -> builder.defaultTypeResolver(resolver).typeVisitors(List.of(guard));
    }

    @Bean
    DocumentCache documentCache(DocumentCache.Settings settings) {
        return new DocumentCache(settings);
    }

    /** Parsed and validated documents are reused; see {@link DocumentCache} for what is still checked per request. */
    @Bean
    GraphQlSourceBuilderCustomizer keepParsedDocuments(DocumentCache documents) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(documents));
    }

    @Bean
    MaxQueryDepthInstrumentation maxDepth(GraphQlLimits limits) {
        return LimitInstrumentations.depth(limits.maxDepth());
    }

    @Bean
    MaxQueryComplexityInstrumentation maxComplexity(GraphQlLimits limits) {
        return LimitInstrumentations.complexity(limits.maxComplexity());
    }

    @Bean
    Instrumentation maxAliases(GraphQlLimits limits) {
        return LimitInstrumentations.aliases(limits.maxAliases());
    }

    /**
     * graphql-java's own parser limits, process-wide: a document longer or with more tokens than allowed stops
     * being parsed at that point (an {@code InvalidSyntax} error) instead of being read to the end.
     */
    @Bean
    RequestLimits requestLimits(GraphQlLimits limits) {
        ParserOptions.setDefaultOperationParserOptions(ParserOptions.getDefaultOperationParserOptions().transform(options -> options
                .maxTokens(limits.maxTokens())
                .maxCharacters(limits.maxDocumentCharacters())));
        return new RequestLimits(limits);
    }

    /** Runs before authentication, so even an anonymous oversized body is refused without being read. */
    @Bean
    FilterRegistrationBean<RequestSizeFilter> requestSizeLimit(GraphQlLimits limits) {
        FilterRegistrationBean<RequestSizeFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeFilter(limits.maxRequestSize().toBytes()));
        registration.addUrlPatterns("/graphql", "/graphql/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
