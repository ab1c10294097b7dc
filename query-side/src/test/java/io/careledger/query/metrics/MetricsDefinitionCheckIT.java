package io.careledger.query.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.complaint.Severity;
import io.careledger.api.metrics.Granularity;
import io.careledger.api.metrics.MetricsBucket;
import io.careledger.api.metrics.MetricsDefinition;
import io.careledger.query.elasticsearch.TestElasticsearch;
import io.careledger.query.projection.Projection;
import io.careledger.query.projection.ProjectionName;
import io.careledger.query.projection.ProjectionRebuilder;
import io.careledger.query.projection.RebuildProgress;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/**
 * A new metric definition is applied by replaying: an index built for an older definition version is rebuilt
 * through a real Axon streaming processor into a new index carrying the current version, and queries move to it.
 */
class MetricsDefinitionCheckIT {
    private static final ElasticsearchClient client = TestElasticsearch.client();

    @Test
    void anIndexOfAnOlderDefinitionIsRebuiltForTheCurrentOne() throws Exception {
        String name = "it-metrics-definition";
        createIndexOfAnOlderDefinition(name);
        MetricsIndex index = new MetricsIndex(client, name);
        index.ensureExists();
        assertThat(index.readDefinitionVersion()).contains("metrics-2025.0");

        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(config -> new InMemoryEventStorageEngine())
                .configureSerializer(config -> Jackson3Serializer.builder().build())
                .eventProcessing(processing -> processing
                        .registerPooledStreamingEventProcessor(MetricsProjection.PROCESSING_GROUP)
                        .assignHandlerTypesMatching(MetricsProjection.PROCESSING_GROUP,
                                type -> type == MetricsProjection.class)
                        .registerEventHandler(config -> new MetricsProjection(index, config.eventStore())))
                .start();
        ProjectionRebuilder rebuilder = new ProjectionRebuilder(List.of(new Projection(ProjectionName.METRICS,
                MetricsProjection.PROCESSING_GROUP, index)), axon.eventProcessingConfiguration(), Duration.ofMillis(100));
        try {
            MetricsWorld history = new MetricsWorld("it-metrics-definition-scratch");
            Instant nine = Instant.parse("2026-03-10T01:00:00Z");
            history.filed("def-1", nine, Severity.LEVEL_1, ComplaintCategory.WRONG_ITEM)
                    .acknowledged("def-1", Duration.ofMinutes(12), MetricsWorld.CLERK, true)
                    .resolved("def-1", Duration.ofHours(2), true);
            axon.eventStore().publish(history.recorded);
            MetricsQueries queries = new MetricsQueries(client, index.readAlias(), MetricsDefinition.ZONE);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                index.refresh();
                return index.get(index.readIndex(), "def-1").map(MetricFact::version).orElse(-1L) == 2;
            });
            // The realtime get above can see version 2 before a search does: refresh, or "live" may be a step behind.
            index.refresh();
            List<MetricsBucket> live = queries.handle(new io.careledger.api.metrics.GetServiceMetrics(
                    nine.minus(Duration.ofDays(1)), nine.plus(Duration.ofDays(1)), Granularity.DAY, null, null, null, null));

            new MetricsDefinitionCheck(index, rebuilder, true).checkWhenReady();

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> rebuilder.progress(ProjectionName.METRICS).phase() == RebuildProgress.Phase.COMPLETED);
            assertThat(index.readIndex()).isEqualTo(name + "-000002");
            assertThat(index.readDefinitionVersion()).contains(MetricsDefinition.VERSION);
            index.refresh();
            assertThat(queries.handle(new io.careledger.api.metrics.GetServiceMetrics(nine.minus(Duration.ofDays(1)),
                    nine.plus(Duration.ofDays(1)), Granularity.DAY, null, null, null, null))).isEqualTo(live);

            new MetricsDefinitionCheck(index, rebuilder, true).checkWhenReady();
            assertThat(index.readIndex()).as("the current definition is left alone").isEqualTo(name + "-000002");
        } finally {
            rebuilder.close();
            axon.shutdown();
        }
    }

    /** The first index of the family as an older release created it: same fields, older definition version. */
    private static void createIndexOfAnOlderDefinition(String name) throws IOException {
        String mapping;
        try (InputStream in = MetricsIndex.class.getResourceAsStream("/elasticsearch/metrics-mapping.json")) {
            mapping = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace(MetricsDefinition.VERSION, "metrics-2025.0");
        }
        String older = mapping;
        client.indices().create(create -> create.index(name + "-000001")
                .withJson(new ByteArrayInputStream(older.getBytes(StandardCharsets.UTF_8)))
                .aliases(name, alias -> alias).aliases(name + "-write", alias -> alias));
    }
}
