package io.careledger.service.health;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch.cluster.HealthResponse;
import java.io.IOException;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Up while the cluster is green or yellow (a single local node is always yellow at best with replicas). */
@Component("elasticsearchHealthIndicator")
class ElasticsearchHealthIndicator extends AbstractHealthIndicator {
    private final ElasticsearchClient client;

    ElasticsearchHealthIndicator(ElasticsearchClient client) {
        super("Elasticsearch is unreachable");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws IOException {
        HealthResponse health = client.cluster().health();
        (health.status() == HealthStatus.Red ? builder.down() : builder.up())
                .withDetail("cluster", health.clusterName())
                .withDetail("status", health.status().jsonValue())
                .withDetail("nodes", health.numberOfNodes());
    }
}
