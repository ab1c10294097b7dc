package io.careledger.query.timeline;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.careledger.api.customer.CustomerId;
import io.careledger.api.timeline.TimelineEntry;
import io.careledger.query.projection.IndexFamily;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The timeline entries: the index family {@code careledger-timeline} (read alias),
 * {@code careledger-timeline-write} (write alias), {@code careledger-timeline-00000N} (indices), mapped by
 * {@code elasticsearch/timeline-mapping.json}. One immutable {@link TimelineEntry} per event, its id the
 * event's identifier, created once: a duplicate or a replay into the same index finds it there and changes
 * nothing. An erasure of the customer's personal data corrects the entries that quoted it ({@link #correct}).
 */
@Component
public class TimelineIndex extends IndexFamily {
    public static final String DEFAULT_NAME = "careledger-timeline";
    private static final String MAPPING = "/elasticsearch/timeline-mapping.json";

    @Autowired
    public TimelineIndex(ElasticsearchClient client) {
        this(client, DEFAULT_NAME);
    }

    /** @param name the read alias; the write alias and the physical indices are named after it */
    public TimelineIndex(ElasticsearchClient client, String name) {
        super(client, name, MAPPING);
    }

    /** Realtime: sees the latest write even before the index refreshes. */
    public Optional<TimelineEntry> get(String index, String entryId) throws IOException {
        return get(index, entryId, TimelineEntry.class);
    }

    /** The customer's entries in {@code index} made from events of the given stored types. */
    public List<TimelineEntry> entriesOf(String index, CustomerId customerId, Collection<String> eventTypes)
            throws IOException {
        List<FieldValue> types = eventTypes.stream().map(FieldValue::of).collect(Collectors.toList());
        Query query = Query.of(q -> q.bool(bool -> bool
                .filter(f -> f.term(term -> term.field("customerId").value(customerId.value())))
                .filter(f -> f.terms(terms -> terms.field("eventType").terms(values -> values.value(types))))));
        return findAll(index, query, "entryId", TimelineEntry.class);
    }

    /** Replaces an entry by its corrected form (personal data cleaned after an erasure). */
    public void correct(String index, TimelineEntry entry) throws IOException {
        overwrite(index, entry.entryId(), entry);
    }

    /**
     * @param visibleToSearch return only once searches find the entry (refreshes the index)
     * @return false when the entry exists already, which leaves it as it was
     */
    public boolean create(String index, TimelineEntry entry, boolean visibleToSearch) throws IOException {
        return create(index, entry.entryId(), entry, visibleToSearch);
    }
}
