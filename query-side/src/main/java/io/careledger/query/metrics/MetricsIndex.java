package io.careledger.query.metrics;

import java.io.IOException;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.JsonData;
import io.careledger.query.projection.AggregateDocuments;
import io.careledger.query.projection.IndexFamily;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The metrics facts in Elasticsearch: the index family {@code careledger-metrics} (read alias),
 * {@code careledger-metrics-write} (write alias), {@code careledger-metrics-00000N}, mapped by
 * {@code elasticsearch/metrics-mapping.json}, whose {@code _meta.definitionVersion} names the metric definition
 * the index was built for.
 * <p>
 * Facts of aggregates (complaints, refunds, repairs, care tasks) are whole documents versioned with the
 * aggregate's last sequence number; single facts (a survey response, a purchase) are created once and never
 * change, so a replayed or duplicated event finds them there and changes nothing.
 */
@Component
public class MetricsIndex extends IndexFamily implements AggregateDocuments<MetricFact> {
    public static final String DEFAULT_NAME = "careledger-metrics";
    private static final String MAPPING = "/elasticsearch/metrics-mapping.json";

    private final ElasticsearchClient client;

    @Autowired
    public MetricsIndex(ElasticsearchClient client) {
        this(client, DEFAULT_NAME);
    }

    public MetricsIndex(ElasticsearchClient client, String name) {
        super(client, name, MAPPING);
        this.client = client;
    }

    ElasticsearchClient client() {
        return client;
    }

    @Override
    public Optional<MetricFact> get(String index, String id) throws IOException {
        return get(index, id, MetricFact.class);
    }

    @Override
    public boolean put(String index, MetricFact fact) throws IOException {
        return putVersioned(index, fact.id(), fact, fact.version());
    }

    @Override
    public long version(MetricFact fact) {
        return fact.version();
    }

    /** Creates a fact that never changes; false when it is there already. */
    boolean createOnce(MetricFact fact) throws IOException {
        return create(writeIndex(), fact.id(), fact, false);
    }

    /** The metric definition version the index behind the read alias was built for (its mapping's {@code _meta}). */
    public Optional<String> readDefinitionVersion() throws IOException {
        String index = readIndex();
        var mapping = client.indices().getMapping(get -> get.index(index)).get(index);
        if (mapping == null || mapping.mappings().meta() == null) {
            return Optional.empty();
        }
        JsonData version = mapping.mappings().meta().get("definitionVersion");
        return version == null ? Optional.empty() : Optional.of(version.to(String.class));
    }
}
