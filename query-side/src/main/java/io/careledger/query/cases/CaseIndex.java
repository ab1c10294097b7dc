package io.careledger.query.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.careledger.api.cases.CaseKind;
import io.careledger.api.complaint.ComplaintView;
import jakarta.annotation.PostConstruct;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The case documents in Elasticsearch. Physical indices are versioned ({@code careledger-cases-000001}, …)
 * and reached only through two aliases kept in Elasticsearch itself: the read alias ({@code careledger-cases})
 * that queries use and the write alias ({@code careledger-cases-write}) that the projection uses. A rebuild
 * points the write alias at a fresh index while reads still see the old one, then moves the read alias.
 * <p>
 * Documents are whole {@link ComplaintView}s plus their {@code kind}, written with the sequence number of
 * their last event as an external version, so Elasticsearch itself refuses a stale or repeated write.
 */
@Component
public class CaseIndex {
    public static final String DEFAULT_NAME = "careledger-cases";
    static final String KIND = "kind";
    private static final String MAPPING = "/elasticsearch/cases-mapping.json";
    private static final int VERSION_CONFLICT = 409;

    private final ElasticsearchClient client;
    private final String name;
    private final String writeAlias;
    private final Pattern versionedIndex;

    @Autowired
    public CaseIndex(ElasticsearchClient client) {
        this(client, DEFAULT_NAME);
    }

    /** @param name the read alias; the write alias and the physical indices are named after it */
    public CaseIndex(ElasticsearchClient client, String name) {
        this.client = client;
        this.name = name;
        this.writeAlias = name + "-write";
        this.versionedIndex = Pattern.compile(Pattern.quote(name) + "-(\\d{6})");
    }

    /** Creates the first index behind both aliases unless the aliases exist; safe to run on every start. */
    @PostConstruct
    public void ensureExists() throws IOException {
        if (client.indices().existsAlias(exists -> exists.name(writeAlias)).value()) {
            return;
        }
        String first = indexName(1);
        try (InputStream mapping = mapping()) {
            client.indices().create(create -> create.index(first).withJson(mapping)
                    .aliases(name, alias -> alias)
                    .aliases(writeAlias, alias -> alias));
        } catch (ElasticsearchException e) {
            // Another instance starting at the same moment created it first.
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    /** The alias queries read through. */
    public String readAlias() {
        return name;
    }

    /** The physical index behind the read alias. */
    public String readIndex() throws IOException {
        return indexBehind(name);
    }

    /** The physical index behind the write alias. */
    public String writeIndex() throws IOException {
        return indexBehind(writeAlias);
    }

    /** Creates the next versioned index from the mapping file; no alias points at it yet. */
    public String createNextIndex() throws IOException {
        int highest = client.indices().get(get -> get.index(name + "-*")).indices().keySet().stream()
                .map(versionedIndex::matcher)
                .filter(Matcher::matches)
                .mapToInt(index -> Integer.parseInt(index.group(1)))
                .max()
                .orElse(0);
        String next = indexName(highest + 1);
        try (InputStream mapping = mapping()) {
            client.indices().create(create -> create.index(next).withJson(mapping));
        }
        return next;
    }

    public void moveWriteAlias(String index) throws IOException {
        moveAlias(writeAlias, index);
    }

    public void moveReadAlias(String index) throws IOException {
        moveAlias(name, index);
    }

    /** Realtime: sees the latest write even before the index refreshes. */
    public Optional<ComplaintView> get(String index, String caseId) throws IOException {
        GetResponse<ComplaintView> found = client.get(get -> get.index(index).id(caseId).sourceExcludes(KIND),
                ComplaintView.class);
        return found.found() ? Optional.of(found.source()) : Optional.empty();
    }

    /**
     * Writes the whole document, versioned with {@code complaint.version()}.
     *
     * @return false when the index already holds this version or a newer one, which leaves it unchanged
     */
    public boolean put(String index, ComplaintView complaint) throws IOException {
        try {
            client.index(put -> put.index(index)
                    .id(complaint.id().value())
                    .document(new CaseDocument(CaseKind.COMPLAINT, complaint))
                    .versionType(VersionType.External)
                    .version(complaint.version()));
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == VERSION_CONFLICT) {
                return false;
            }
            throw e;
        }
    }

    private String indexBehind(String alias) throws IOException {
        Set<String> indices = client.indices().getAlias(get -> get.name(alias)).aliases().keySet();
        if (indices.size() != 1) {
            throw new IllegalStateException("Alias " + alias + " points at " + indices + " instead of one index");
        }
        return indices.iterator().next();
    }

    /** One atomic alias update, so readers or writers never see the alias missing. */
    private void moveAlias(String alias, String index) throws IOException {
        String current = indexBehind(alias);
        client.indices().updateAliases(update -> update
                .actions(action -> action.remove(remove -> remove.index(current).alias(alias)))
                .actions(action -> action.add(add -> add.index(index).alias(alias))));
    }

    private String indexName(int number) {
        return String.format("%s-%06d", name, number);
    }

    private static InputStream mapping() {
        InputStream mapping = CaseIndex.class.getResourceAsStream(MAPPING);
        if (mapping == null) {
            throw new UncheckedIOException(new IOException("Missing resource " + MAPPING));
        }
        return mapping;
    }

    /** The stored shape: the view's own fields next to {@code kind}. */
    private record CaseDocument(CaseKind kind, @JsonUnwrapped ComplaintView complaint) {
    }
}
