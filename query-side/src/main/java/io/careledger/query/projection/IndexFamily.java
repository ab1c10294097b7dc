package io.careledger.query.projection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import jakarta.annotation.PostConstruct;

/**
 * One read model's documents in Elasticsearch. Physical indices are versioned ({@code NAME-000001}, …) and
 * reached only through two aliases kept in Elasticsearch itself: the read alias ({@code NAME}) that queries
 * use and the write alias ({@code NAME-write}) that the projection uses. A rebuild points the write alias at
 * a fresh index while reads still see the old one, then moves the read alias ({@link ProjectionRebuilder}).
 * Every index of the family is created from the same mapping file, so the mapping lives in one place.
 * <p>
 * Writes are idempotent in one of two ways: a whole document with an external version (a stale or repeated
 * write is refused by Elasticsearch itself, {@link #putVersioned}), or an immutable document created once
 * ({@link #create}). Either way a 409 means "already applied", and nothing is ever deleted. The one exception is a
 * correction after a customer's personal data was erased ({@link #overwriteVersioned}, {@link #overwrite}): the
 * document is replaced by what a rebuild would make from the erased events, the same every time.
 */
public class IndexFamily {
    private static final int FIND_ALL_PAGE = 500;
    private static final int CONFLICT = 409;

    private final ElasticsearchClient client;
    private final String name;
    private final String writeAlias;
    private final String mappingResource;
    private final Pattern versionedIndex;

    /**
     * @param name            the read alias; the write alias and the physical indices are named after it
     * @param mappingResource the class-path resource holding the settings and mappings of every index
     */
    protected IndexFamily(ElasticsearchClient client, String name, String mappingResource) {
        this.client = client;
        this.name = name;
        this.writeAlias = name + "-write";
        this.mappingResource = mappingResource;
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

    /** Makes every write so far visible to searches (tests, benchmarks, operators; queries never need it). */
    public void refresh() throws IOException {
        client.indices().refresh(refresh -> refresh.index(name, writeAlias));
    }

    /**
     * Realtime: sees the latest write even before the index refreshes.
     *
     * @param excludes stored fields that {@code type} does not have
     */
    protected <T> Optional<T> get(String index, String id, Class<T> type, String... excludes) throws IOException {
        GetResponse<T> found = client.get(get -> {
            get.index(index).id(id);
            if (excludes.length > 0) {
                get.sourceExcludes(List.of(excludes));
            }
            return get;
        }, type);
        return found.found() ? Optional.of(found.source()) : Optional.empty();
    }

    /**
     * Writes the whole document with {@code version} as its external version.
     *
     * @return false when the index already holds this version or a newer one, which leaves it unchanged
     */
    protected boolean putVersioned(String index, String id, Object document, long version) throws IOException {
        try {
            client.index(put -> put.index(index).id(id).document(document)
                    .versionType(VersionType.External)
                    .version(version));
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == CONFLICT) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Replaces a whole document at the version it has (or a newer one), for a correction that is not a new event:
     * personal data cleaned after an erasure.
     *
     * @return false when the index holds a newer version already, which stays as it is
     */
    protected boolean overwriteVersioned(String index, String id, Object document, long version) throws IOException {
        try {
            client.index(put -> put.index(index).id(id).document(document)
                    .versionType(VersionType.ExternalGte)
                    .version(version));
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == CONFLICT) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Replaces an immutable document by its corrected form (personal data cleaned after an erasure): the one
     * exception to "created once", and itself idempotent, since the correction is the same every time.
     */
    protected void overwrite(String index, String id, Object document) throws IOException {
        client.index(put -> put.index(index).id(id).document(document));
    }

    /**
     * Every document of {@code index} matching {@code query}, after a refresh so that the latest writes count.
     *
     * @param idField a unique field to page by
     */
    protected <T> List<T> findAll(String index, Query query, String idField, Class<T> type) throws IOException {
        client.indices().refresh(refresh -> refresh.index(index));
        List<T> all = new ArrayList<>();
        String after = null;
        PagedSearch.Page<T> page;
        do {
            page = PagedSearch.run(client, index, query, List.of(PagedSearch.sort(idField, SortOrder.Asc)), FIND_ALL_PAGE,
                    FIND_ALL_PAGE, after, type);
            for (PagedSearch.Item<T> item : page.items()) {
                all.add(item.document());
                after = item.cursor();
            }
        } while (page.hasNextPage());
        return all;
    }

    /**
     * Creates an immutable document.
     *
     * @param visibleToSearch make it visible to searches at once (refreshes the shard: use it sparingly)
     * @return false when a document with this id exists already, which stays as it was
     */
    protected boolean create(String index, String id, Object document, boolean visibleToSearch) throws IOException {
        try {
            client.create(create -> create.index(index).id(id).document(document)
                    .refresh(visibleToSearch ? Refresh.True : Refresh.False));
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == CONFLICT) {
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

    private InputStream mapping() {
        InputStream mapping = IndexFamily.class.getResourceAsStream(mappingResource);
        if (mapping == null) {
            throw new UncheckedIOException(new IOException("Missing resource " + mappingResource));
        }
        return mapping;
    }
}
