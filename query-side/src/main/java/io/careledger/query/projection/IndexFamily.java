package io.careledger.query.projection;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import jakarta.annotation.PostConstruct;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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
    private static final JsonMapper SETTINGS_READER = JsonMapper.builder().build();

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

    /**
     * The physical index behind the write alias. Inside an Axon unit of work (a projection's batch of events) it is
     * looked up once and remembered for the rest of that unit of work: a lookup per event was one of the three
     * Elasticsearch round trips each event cost. A batch then writes to one index throughout, which is what the
     * rebuild needs anyway; the alias only moves while the projection's processor is stopped.
     */
    public String writeIndex() throws IOException {
        if (!CurrentUnitOfWork.isStarted()) {
            return indexBehind(writeAlias);
        }
        Map<String, Object> resources = CurrentUnitOfWork.get().root().resources();
        String key = IndexFamily.class.getName() + ":" + writeAlias;
        Object known = resources.get(key);
        if (known instanceof String index) {
            return index;
        }
        String index = indexBehind(writeAlias);
        resources.put(key, index);
        return index;
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

    /**
     * Settings for an index that a replay is about to fill and nobody reads yet: no replica, since a replica would
     * index every document a second time for no reader (the mapping files auto-expand to one replica on a cluster of
     * two nodes or more; a single node has none anyway). The refresh interval stays the default: an index nobody
     * searches goes search-idle after 30 s and skips its periodic refreshes by itself, and setting it explicitly
     * would keep the index from ever going idle again once restored. The translog stays durable per request: a
     * rebuild stores its tokens once Elasticsearch has acknowledged the batch, so an acknowledged write must survive
     * a crash of the node.
     */
    public void prepareForReplay(String index) throws IOException {
        putSettings(index, "{\"index\": {\"auto_expand_replicas\": \"false\", \"number_of_replicas\": 0}}");
    }

    /**
     * Gives the index back the replica settings of the mapping file (what {@link #prepareForReplay} changed) and
     * refreshes it, so queries see every document as soon as the read alias moves to it. Safe to repeat.
     */
    public void finishReplay(String index) throws IOException {
        JsonNode settings;
        try (InputStream mapping = mapping()) {
            settings = SETTINGS_READER.readTree(mapping).path("settings");
        }
        ObjectNode restored = SETTINGS_READER.createObjectNode();
        JsonNode autoExpand = setting(settings, "auto_expand_replicas");
        JsonNode replicas = setting(settings, "number_of_replicas");
        // Elasticsearch's defaults when the mapping file names neither: no auto-expansion and one replica. With
        // auto-expansion on, Elasticsearch sets the number of replicas itself.
        restored.put("auto_expand_replicas", autoExpand == null ? "false" : autoExpand.asString());
        if (autoExpand == null || replicas != null) {
            restored.put("number_of_replicas", replicas == null ? 1 : replicas.asInt());
        }
        ObjectNode body = SETTINGS_READER.createObjectNode();
        body.set("index", restored);
        putSettings(index, SETTINGS_READER.writeValueAsString(body));
        client.indices().refresh(refresh -> refresh.index(index));
    }

    /** A setting of a mapping file, written either flat or under {@code index}; null when absent. */
    private static JsonNode setting(JsonNode settings, String name) {
        JsonNode value = settings.get(name);
        if (value == null) {
            value = settings.path("index").get(name);
        }
        return value == null || value.isNull() ? null : value;
    }

    private void putSettings(String index, String json) throws IOException {
        client.indices().putSettings(put -> put.index(index).withJson(new StringReader(json)));
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
        Writes writes = bufferedWrites(false);
        if (writes != null) {
            Object pending = writes.pending(index, id);
            if (type.isInstance(pending)) {
                return Optional.of(type.cast(pending));
            }
        }
        Prefetched prefetched = prefetched(index, type, excludes);
        if (prefetched != null && prefetched.covers(id)) {
            return prefetched.get(id, type);
        }
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
     * Writes the whole document with {@code version} as its external version. During a replay the write is
     * buffered (see {@link #bufferedWrites}) and reported as made; Elasticsearch still refuses it at the flush if
     * the index holds this version or a newer one.
     *
     * @return false when the index already holds this version or a newer one, which leaves it unchanged
     */
    protected boolean putVersioned(String index, String id, Object document, long version) throws IOException {
        Writes writes = bufferedWrites(true);
        if (writes != null) {
            return writes.put(index, id, document, version);
        }
        return indexAtVersion(index, id, document, version, VersionType.External);
    }

    /**
     * Replaces a whole document at the version it has (or a newer one), for a correction that is not a new event:
     * personal data cleaned after an erasure.
     *
     * @return false when the index holds a newer version already, which stays as it is
     */
    protected boolean overwriteVersioned(String index, String id, Object document, long version) throws IOException {
        forgetPrefetched(index, id);
        return indexAtVersion(index, id, document, version, VersionType.ExternalGte);
    }

    /** @return false when Elasticsearch refuses the version (409), which leaves the stored document as it is */
    private boolean indexAtVersion(String index, String id, Object document, long version, VersionType versionType)
            throws IOException {
        try {
            client.index(put -> put.index(index).id(id).document(document).versionType(versionType).version(version));
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
        forgetPrefetched(index, id);
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
     * Creates an immutable document. During a replay (never visible at once then) the write is buffered like
     * {@link #putVersioned}'s, and an existing document is left as it was at the flush.
     *
     * @param visibleToSearch make it visible to searches at once (refreshes the shard: use it sparingly)
     * @return false when a document with this id exists already, which stays as it was
     */
    protected boolean create(String index, String id, Object document, boolean visibleToSearch) throws IOException {
        Writes writes = visibleToSearch ? null : bufferedWrites(true);
        if (writes != null) {
            return writes.create(index, id, document);
        }
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

    /**
     * The writes buffered in the current unit of work, when it handles a replayed event (a rebuild): they go to
     * Elasticsearch in one {@code _bulk} request when the batch prepares to commit, so a rebuild costs a request
     * per batch instead of one per event. Live events are written at once, as before: their writes report whether
     * they changed anything, and a live timeline entry may need to be visible to searches immediately. A flush that
     * fails fails the batch, which the processor retries from its last token; every write is idempotent.
     *
     * @param create start buffering in this unit of work if it has not yet
     * @return null when writes go to Elasticsearch at once
     */
    private Writes bufferedWrites(boolean create) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        if (!(unitOfWork.getMessage() instanceof TrackedEventMessage<?> event) || !ReplayToken.isReplay(event)) {
            return null;
        }
        UnitOfWork<?> batch = unitOfWork.root();
        String key = Writes.class.getName();
        Object known = batch.resources().get(key);
        if (known instanceof Writes writes) {
            return writes;
        }
        if (!create) {
            return null;
        }
        Writes writes = new Writes(client);
        batch.resources().put(key, writes);
        batch.onPrepareCommit(committing -> writes.flush());
        return writes;
    }

    /**
     * During a replay, the documents of every aggregate of the batch, fetched from {@code index} with one
     * {@code _mget} at the batch's first read. A rebuild otherwise paid one realtime GET per event for every
     * whole-document projection (cases, customers, care tasks, metrics): {@code IndexFamily.get} was 12% of the
     * service's samples in a bench rebuild at scale 0.02 (5.5% at scale 0.2), and with the mget it no longer shows
     * among the hottest frames; the service and Elasticsearch used 17% less CPU for the same rebuild. Documents are
     * keyed by the aggregate identifier of the batch's events, which is how every {@link AggregateDocuments} index
     * names its documents; an id that is not (a projection reading another id) simply falls back to a GET. The
     * prefetch reflects the index when the batch started: later reads see the batch's own buffered writes first ({@link Writes#pending}), and a direct
     * correction inside the batch drops the id from it ({@link #forgetPrefetched}). Outside a replay, or outside a
     * batch of events, nothing is prefetched and every read is a GET, as before.
     *
     * @return null when nothing is prefetched here
     */
    private Prefetched prefetched(String index, Class<?> type, String... excludes) throws IOException {
        if (!replaying()) {
            return null;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        if (!(batch instanceof BatchingUnitOfWork<?> batching)) {
            return null;
        }
        String key = Prefetched.class.getName() + ":" + index;
        Object known = batch.resources().get(key);
        if (known instanceof Prefetched prefetched) {
            return prefetched;
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Message<?> message : batching.getMessages()) {
            if (message instanceof DomainEventMessage<?> event && event.getAggregateIdentifier() != null) {
                ids.add(event.getAggregateIdentifier());
            }
        }
        Prefetched prefetched = new Prefetched(ids);
        if (!ids.isEmpty()) {
            MgetResponse<?> response = client.mget(mget -> {
                mget.index(index).ids(List.copyOf(ids));
                if (excludes.length > 0) {
                    mget.sourceExcludes(List.of(excludes));
                }
                return mget;
            }, type);
            for (MultiGetResponseItem<?> item : response.docs()) {
                if (item.isFailure()) {
                    throw new IllegalStateException("Could not read document " + item.failure().id() + " of "
                            + index + ": " + item.failure().error().reason());
                }
                if (item.result().found()) {
                    prefetched.found.put(item.result().id(), item.result().source());
                }
            }
        }
        batch.resources().put(key, prefetched);
        return prefetched;
    }

    /** A write that bypasses the batch's buffer makes the prefetched copy stale: later reads ask again. */
    private void forgetPrefetched(String index, String id) {
        if (CurrentUnitOfWork.isStarted()) {
            Object known = CurrentUnitOfWork.get().root().resources().get(Prefetched.class.getName() + ":" + index);
            if (known instanceof Prefetched prefetched) {
                prefetched.ids.remove(id);
            }
        }
    }

    /** Whether the current unit of work handles a replayed event (a rebuild). */
    private static boolean replaying() {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().getMessage() instanceof TrackedEventMessage<?> event
                && ReplayToken.isReplay(event);
    }

    /** A batch's documents as the index held them when the batch started; absent ids had no document. */
    private static final class Prefetched {
        private final Set<String> ids;
        private final Map<String, Object> found = new HashMap<>();

        private Prefetched(Set<String> ids) {
            this.ids = ids;
        }

        boolean covers(String id) {
            return ids.contains(id);
        }

        <T> Optional<T> get(String id, Class<T> type) {
            Object document = found.get(id);
            return type.isInstance(document) ? Optional.of(type.cast(document)) : Optional.empty();
        }
    }

    /** One batch's buffered writes, in order, the last write of a document replacing earlier ones. */
    private static final class Writes {
        private record Write(String index, String id, Object document, Long version) {
        }

        private final ElasticsearchClient client;
        private final Map<String, Write> writes = new LinkedHashMap<>();

        private Writes(ElasticsearchClient client) {
            this.client = client;
        }

        Object pending(String index, String id) {
            Write write = writes.get(index + "/" + id);
            return write == null ? null : write.document();
        }

        boolean put(String index, String id, Object document, long version) {
            Write earlier = writes.get(index + "/" + id);
            if (earlier != null && earlier.version() != null && earlier.version() >= version) {
                return false;
            }
            writes.put(index + "/" + id, new Write(index, id, document, version));
            return true;
        }

        boolean create(String index, String id, Object document) {
            return writes.putIfAbsent(index + "/" + id, new Write(index, id, document, null)) == null;
        }

        void flush() {
            if (writes.isEmpty()) {
                return;
            }
            BulkRequest.Builder bulk = new BulkRequest.Builder();
            for (Write write : writes.values()) {
                if (write.version() == null) {
                    bulk.operations(op -> op.create(create -> create.index(write.index()).id(write.id())
                            .document(write.document())));
                } else {
                    bulk.operations(op -> op.index(put -> put.index(write.index()).id(write.id())
                            .document(write.document()).versionType(VersionType.External).version(write.version())));
                }
            }
            BulkResponse response;
            try {
                response = client.bulk(bulk.build());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write a batch of " + writes.size() + " documents", e);
            }
            if (response.errors()) {
                // A conflict means the document is already there at this version or later: already applied.
                response.items().stream()
                        .filter(item -> item.error() != null && item.status() != CONFLICT)
                        .findFirst()
                        .ifPresent(item -> {
                            throw new IllegalStateException("Elasticsearch refused document " + item.id() + " of "
                                    + item.index() + ": " + item.error().type() + ": " + item.error().reason());
                        });
            }
            writes.clear();
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
