package io.careledger.service.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Parsed and validated query documents, kept by their text, so that the few documents clients send over and over
 * are parsed and validated once instead of on every request: that work depends on the document alone. With the
 * cache, parsing and validation were 0.4% of the request threads' CPU samples in the bench's query phase.
 * <p>
 * What is kept is only what depends on the document alone: its syntax tree after it passed the parser's limits,
 * the alias limit and schema validation. A document that failed any of them is not kept, so it is refused afresh
 * (and costs its parse again) every time. Everything that depends on the request is still checked on every
 * request, cached document or not: depth and complexity (computed when the operation executes, with this
 * request's variables), the role and store checks and input rules of {@code OperationGuard} (on each field
 * fetch), masking (on each field, from this request's reader) and the request size.
 * <p>
 * Bounded by the summed length of the kept documents ({@code careledger.graphql.document-cache.max-characters}),
 * so that many distinct documents only evict each other.
 */
public final class DocumentCache implements PreparsedDocumentProvider {
    private final Cache<Key, PreparsedDocumentEntry> documents;

    /** Validation messages are written in the request's locale, so the locale is part of the key. */
    private record Key(String document, Locale locale) {
    }

    public DocumentCache(Settings settings) {
        this.documents = Caffeine.newBuilder()
                .maximumWeight(settings.maxCharacters())
                .weigher((Key key, PreparsedDocumentEntry entry) -> key.document().length())
                .build();
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        Key key = new Key(input.getQuery(), input.getLocale());
        PreparsedDocumentEntry kept = documents.getIfPresent(key);
        if (kept != null) {
            return CompletableFuture.completedFuture(kept);
        }
        // Not computed inside the cache: a refused document (an exception from a limit, or validation errors)
        // must not be kept, and parsing a large document must not hold a lock other requests wait on.
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            documents.put(key, entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    /** Whether this document text is kept (for tests and diagnostics). */
    boolean keeps(String document) {
        return documents.asMap().keySet().stream().anyMatch(key -> key.document().equals(document));
    }

    /**
     * @param maxCharacters the summed length of the kept documents; the documented client queries are a few
     *                      hundred characters each, so the default keeps thousands of them, and even documents at
     *                      the 32,768-character limit cost only a few MiB of syntax trees in all
     */
    @ConfigurationProperties("careledger.graphql.document-cache")
    public record Settings(@DefaultValue("500000") long maxCharacters) {
    }
}
