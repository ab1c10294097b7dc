package io.careledger.query.cases;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.careledger.api.cases.CaseKind;
import io.careledger.api.cases.CaseView;
import io.careledger.api.customer.CustomerId;
import io.careledger.query.projection.AggregateDocuments;
import io.careledger.query.projection.IndexFamily;
import io.careledger.query.projection.PagedSearch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The case documents in Elasticsearch: the index family {@code careledger-cases} (read alias),
 * {@code careledger-cases-write} (write alias), {@code careledger-cases-00000N} (indices), mapped by
 * {@code elasticsearch/cases-mapping.json}.
 * <p>
 * Documents are whole {@link CaseView}s of every kind (complaints, refunds), each with its {@code kind} and
 * {@code openedAt} (see {@link CaseView}), written with the sequence number of their case's last event as an
 * external version, so Elasticsearch itself refuses a stale or repeated write.
 */
@Component
public class CaseIndex extends IndexFamily implements AggregateDocuments<CaseView> {
    public static final String DEFAULT_NAME = "careledger-cases";
    static final String KIND = "kind";
    private static final String MAPPING = "/elasticsearch/cases-mapping.json";

    @Autowired
    public CaseIndex(ElasticsearchClient client) {
        this(client, DEFAULT_NAME);
    }

    /** @param name the read alias; the write alias and the physical indices are named after it */
    public CaseIndex(ElasticsearchClient client, String name) {
        super(client, name, MAPPING);
    }

    /** Realtime: sees the latest write even before the index refreshes. */
    @Override
    public Optional<CaseView> get(String index, String caseId) throws IOException {
        return get(index, caseId, CaseView.class);
    }

    /**
     * Writes the whole document, versioned with {@code view.version()}.
     *
     * @return false when the index already holds this version or a newer one, which leaves it unchanged
     */
    @Override
    public boolean put(String index, CaseView view) throws IOException {
        return putVersioned(index, view.caseId(), view, view.version());
    }

    /** Every complaint of the customer in {@code index}, as written so far. */
    public List<CaseView> complaintsOf(String index, CustomerId customerId) throws IOException {
        List<Query> filters = new ArrayList<>();
        PagedSearch.term(filters, KIND, CaseKind.COMPLAINT);
        PagedSearch.term(filters, "customerId", customerId);
        return findAll(index, Query.of(q -> q.bool(bool -> bool.filter(filters))), "id", CaseView.class);
    }

    /**
     * Replaces the document by a corrected one of the same version (personal data cleaned).
     *
     * @return false when the case has moved on to a newer version meanwhile, which stays as it is
     */
    public boolean correct(String index, CaseView view) throws IOException {
        return overwriteVersioned(index, view.caseId(), view, view.version());
    }

    @Override
    public long version(CaseView view) {
        return view.version();
    }
}
