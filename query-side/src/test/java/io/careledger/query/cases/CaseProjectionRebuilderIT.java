package io.careledger.query.cases;

import static io.careledger.query.cases.CaseStories.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.complaint.ComplaintView;
import io.careledger.api.complaint.Department;
import io.careledger.api.complaint.Severity;
import io.careledger.query.elasticsearch.TestElasticsearch;
import io.careledger.query.projection.Projection;
import io.careledger.query.projection.ProjectionName;
import io.careledger.query.projection.ProjectionRebuilder;
import io.careledger.query.projection.RebuildProgress;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** The case rebuild through a real Axon streaming processor replaying an event store into the real index. */
class CaseProjectionRebuilderIT {
    private static final ElasticsearchClient client = TestElasticsearch.client();
    private static final int CASES = 6;

    private CaseIndex index;
    private Configuration axon;
    private ProjectionRebuilder rebuilder;

    @AfterEach
    void stop() {
        rebuilder.close();
        axon.shutdown();
    }

    @Test
    void aRebuildSwapsReadsToANewIndexHoldingTheSameDocuments(TestInfo test) throws Exception {
        start(test);
        Map<String, ComplaintView> live = projectCases();

        RebuildProgress done = rebuilder.start(ProjectionName.CASES).get(60, TimeUnit.SECONDS);

        String rebuilt = index.readIndex();
        assertThat(done.phase()).isEqualTo(RebuildProgress.Phase.COMPLETED);
        assertThat(done.index()).isEqualTo(rebuilt).endsWith("-000002");
        assertThat(done.percent()).isEqualTo(100);
        assertThat(rebuilder.progress(ProjectionName.CASES)).isEqualTo(done);
        assertThat(index.writeIndex()).isEqualTo(rebuilt);
        assertThat(documents(index.readAlias())).isEqualTo(live);
        assertThat(documents(index.readAlias().concat("-000001"))).as("the old index stays").isEqualTo(live);

        publish(List.of(CaseStories.filed("r-after", T0, "after the rebuild", "store-1", Severity.LEVEL_1,
                Department.STORE_SERVICE_DESK)));
        await(() -> index.get(rebuilt, "r-after").isPresent());
        assertThat(index.get(index.readAlias().concat("-000001"), "r-after")).isEmpty();
    }

    @Test
    void afterARestartMidRebuildResumingFinishesTheSwap(TestInfo test) throws Exception {
        start(test);
        Map<String, ComplaintView> live = projectCases();
        // What rebuild() had done when the service stopped: a new index behind the write alias and the
        // processor replaying from its stored replay token.
        String target = index.createNextIndex();
        StreamingEventProcessor processor = processor();
        processor.shutDown();
        processor.resetTokens();
        index.moveWriteAlias(target);
        processor.start();
        rebuilder.close();
        rebuilder = rebuilder();

        RebuildProgress done = rebuilder.resume(ProjectionName.CASES).get(60, TimeUnit.SECONDS);

        assertThat(done.phase()).isEqualTo(RebuildProgress.Phase.COMPLETED);
        assertThat(index.readIndex()).isEqualTo(target);
        assertThat(documents(index.readAlias())).isEqualTo(live);
    }

    @Test
    void withNoRebuildOpenResumingChangesNothing(TestInfo test) throws Exception {
        start(test);
        String before = index.readIndex();

        RebuildProgress progress = rebuilder.resume(ProjectionName.CASES).get(1, TimeUnit.SECONDS);

        assertThat(progress.phase()).isEqualTo(RebuildProgress.Phase.IDLE);
        assertThat(index.readIndex()).isEqualTo(before).isEqualTo(index.writeIndex());
    }

    private void start(TestInfo test) throws IOException {
        index = new CaseIndex(client, "it-rebuild-" + test.getTestMethod().orElseThrow().getName().toLowerCase());
        index.ensureExists();
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(config -> new InMemoryEventStorageEngine())
                .configureSerializer(config -> Jackson3Serializer.builder().build())
                .eventProcessing(processing -> processing
                        .registerPooledStreamingEventProcessor(CaseProjection.PROCESSING_GROUP)
                        .registerEventHandler(config -> new CaseProjection(index,
                                new CaseHistory(config.eventStore(), config.eventSerializer()))))
                .start();
        rebuilder = rebuilder();
    }

    private ProjectionRebuilder rebuilder() {
        return new ProjectionRebuilder(List.of(new Projection(ProjectionName.CASES, CaseProjection.PROCESSING_GROUP,
                index)), axon.eventProcessingConfiguration(), Duration.ofMillis(100));
    }

    /** Publishes whole case stories and waits until the live projection has them all. */
    private Map<String, ComplaintView> projectCases() throws Exception {
        Map<String, ComplaintView> expected = new HashMap<>();
        for (int i = 0; i < CASES; i++) {
            List<ComplaintEvent> story = CaseStories.lifecycle("r-" + i, T0.plusSeconds(i));
            publish(story);
            expected.put("r-" + i, CaseStories.fold(story));
        }
        await(() -> documents(index.readAlias()).equals(expected));
        return expected;
    }

    private void publish(List<ComplaintEvent> story) {
        axon.eventStore().publish(CaseStories.messages(story));
    }

    private Map<String, ComplaintView> documents(String indexOrAlias) throws IOException {
        Map<String, ComplaintView> documents = new HashMap<>();
        for (int i = 0; i < CASES; i++) {
            Optional<ComplaintView> document = index.get(indexOrAlias, "r-" + i).map(ComplaintView.class::cast);
            document.ifPresent(view -> documents.put(view.id().value(), view));
        }
        return documents;
    }

    private StreamingEventProcessor processor() {
        return axon.eventProcessingConfiguration()
                .eventProcessor(CaseProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
    }

    private static void await(Check condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.holds()) {
            assertThat(System.nanoTime()).as("waited 30 s for the projection").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private interface Check {
        boolean holds() throws Exception;
    }
}
