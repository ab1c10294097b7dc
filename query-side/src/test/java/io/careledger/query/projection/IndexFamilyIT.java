package io.careledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.indices.IndexSettings;
import io.careledger.api.cases.CaseView;
import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.complaint.ComplaintView;
import io.careledger.query.cases.CaseIndex;
import io.careledger.query.cases.CaseStories;
import io.careledger.query.cases.ComplaintFold;
import io.careledger.query.elasticsearch.TestElasticsearch;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * Where and when a projection writes: the index behind the write alias, looked up once per unit of work; during a
 * replay, one bulk request when the batch commits.
 */
class IndexFamilyIT {
    private static final ElasticsearchClient client = TestElasticsearch.client();

    @Test
    void aUnitOfWorkKeepsWritingToTheIndexItFirstFoundWhileALaterOneFollowsTheAlias() throws Exception {
        CaseIndex index = freshIndex();
        String first = index.writeIndex();
        String next = index.createNextIndex();

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            assertThat(index.writeIndex()).isEqualTo(first);
            index.moveWriteAlias(next);
            assertThat(index.writeIndex()).as("remembered for the rest of the batch").isEqualTo(first);
            UnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(null);
            assertThat(index.writeIndex()).as("a nested unit of work shares its root's").isEqualTo(first);
            nested.commit();
        } finally {
            batch.commit();
        }

        assertThat(index.writeIndex()).as("outside a unit of work: asked every time").isEqualTo(next);
        UnitOfWork<?> later = DefaultUnitOfWork.startAndGet(null);
        try {
            assertThat(index.writeIndex()).as("the next batch follows the alias").isEqualTo(next);
        } finally {
            later.commit();
        }
    }

    @Test
    void duringAReplayABatchReadsItsOwnWritesAndSendsThemInOneBulkWhenItCommits() throws Exception {
        CaseIndex index = freshIndex();
        String target = index.writeIndex();
        List<ComplaintEvent> events = CaseStories.lifecycle("replayed-1", CaseStories.T0);

        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(replayed());
        try {
            assertThat(apply(index, "replayed-1", events, 0)).isTrue();
            assertThat(apply(index, "replayed-1", events, 1)).as("folded on the buffered version 0").isTrue();
            assertThat(apply(index, "replayed-1", events, 1)).as("a duplicate in the same batch").isFalse();
            assertThat(client.exists(exists -> exists.index(target).id("replayed-1")).value())
                    .as("nothing written before the batch commits").isFalse();
        } finally {
            batch.commit();
        }

        assertThat(index.get(target, "replayed-1")).get().extracting(CaseView::version).isEqualTo(1L);
    }

    @Test
    void aLiveEventIsWrittenAtOnce() throws Exception {
        CaseIndex index = freshIndex();
        String target = index.writeIndex();
        List<ComplaintEvent> events = CaseStories.lifecycle("live-1", CaseStories.T0);

        UnitOfWork<?> live = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("live"));
        try {
            assertThat(apply(index, "live-1", events, 0)).isTrue();
            assertThat(client.exists(exists -> exists.index(target).id("live-1")).value()).isTrue();
        } finally {
            live.commit();
        }
    }

    @Test
    void aFlushTakesAnAlreadyAppliedVersionAsDoneButFailsTheBatchOnAnyOtherRefusal() throws Exception {
        CaseIndex index = freshIndex();
        String target = index.writeIndex();
        List<ComplaintEvent> events = CaseStories.lifecycle("stale-1", CaseStories.T0);
        ComplaintView filed = ComplaintFold.apply(null, events.get(0), 0);
        ComplaintView acknowledged = ComplaintFold.apply(filed, events.get(1), 1);
        index.put(target, acknowledged);

        UnitOfWork<?> stale = DefaultUnitOfWork.startAndGet(replayed());
        index.putVersioned(target, "stale-1", filed, 0);
        stale.commit();
        assertThat(index.get(target, "stale-1")).get().extracting(CaseView::version).as("left as it was").isEqualTo(1L);

        UnitOfWork<?> refused = DefaultUnitOfWork.startAndGet(replayed());
        index.putVersioned(target, "refused-1", Map.of("noSuchField", "strict mappings refuse it"), 0);
        assertThatThrownBy(refused::commit).hasStackTraceContaining("refused-1");
    }

    @Test
    void aReplayedBatchReadsTheDocumentsOfAllItsAggregatesOnceAtItsFirstRead() throws Exception {
        CaseIndex index = freshIndex();
        String target = index.writeIndex();
        List<ComplaintEvent> first = CaseStories.lifecycle("mget-1", CaseStories.T0);
        List<ComplaintEvent> second = CaseStories.lifecycle("mget-2", CaseStories.T0);
        BatchingUnitOfWork<?> batch = new BatchingUnitOfWork<>(List.of(replayed("mget-1", 0, first),
                replayed("mget-2", 0, second)));
        batch.start();
        try {
            assertThat(apply(index, "mget-1", first, 0)).isTrue();
            // Written behind the batch's back after its first read: the batch no longer asks Elasticsearch about
            // mget-2, it folds on what the index held when the batch read (nothing), as a GET would not have.
            ComplaintView behindItsBack = ComplaintFold.apply(null, second.get(0), 0);
            client.index(put -> put.index(target).id("mget-2").document(behindItsBack)
                    .versionType(VersionType.External).version(0L));
            assertThat(apply(index, "mget-2", second, 0)).as("read from the batch's one mget").isTrue();
        } finally {
            batch.commit();
        }
        assertThat(index.get(target, "mget-2")).get().extracting(CaseView::version).as("the flush took the "
                + "conflict as already applied").isEqualTo(0L);
    }

    @Test
    void aReplayedBatchWithDuplicatesAndEventsOutOfOrderEndsAsTheEventsInOrderWould() throws Exception {
        CaseIndex index = freshIndex();
        String target = index.writeIndex();
        List<ComplaintEvent> known = CaseStories.lifecycle("mixed-1", CaseStories.T0);
        List<ComplaintEvent> fresh = CaseStories.lifecycle("mixed-2", CaseStories.T0);
        ComplaintView filed = ComplaintFold.apply(null, known.get(0), 0);
        index.put(target, ComplaintFold.apply(filed, known.get(1), 1));
        ComplaintView expectedKnown = ComplaintFold.apply(ComplaintFold.apply(filed, known.get(1), 1), known.get(2), 2);
        ComplaintView expectedFresh = ComplaintFold.apply(ComplaintFold.apply(null, fresh.get(0), 0), fresh.get(1), 1);

        BatchingUnitOfWork<?> batch = new BatchingUnitOfWork<>(List.of(replayed("mixed-1", 1, known),
                replayed("mixed-1", 2, known), replayed("mixed-2", 0, fresh), replayed("mixed-2", 1, fresh)));
        batch.start();
        try {
            assertThat(apply(index, "mixed-1", known, 1)).as("already in the index before the batch").isFalse();
            assertThat(apply(index, "mixed-1", known, 2)).as("folded on the prefetched version 1").isTrue();
            assertThat(apply(index, "mixed-1", known, 2)).as("a duplicate in the batch").isFalse();
            assertThat(apply(index, "mixed-1", known, 0)).as("an older event, out of order").isFalse();
            assertThat(apply(index, "mixed-2", fresh, 0)).as("absent from the prefetch: a first event").isTrue();
            assertThat(apply(index, "mixed-2", fresh, 1)).as("folded on the buffered version 0").isTrue();
            assertThat(apply(index, "mixed-2", fresh, 0)).as("a duplicate after its successor").isFalse();
        } finally {
            batch.commit();
        }
        assertThat(index.get(target, "mixed-1")).contains(expectedKnown);
        assertThat(index.get(target, "mixed-2")).contains(expectedFresh);
    }

    @Test
    void aReplayTargetHasNoReplicaUntilItGetsTheMappingsSettingsBackAndARefresh() throws Exception {
        CaseIndex index = freshIndex();
        String live = index.writeIndex();
        String target = index.createNextIndex();
        Map<String, String> mappingSettings = replaySettings(live);

        index.prepareForReplay(target);
        assertThat(replaySettings(target)).containsEntry("auto_expand_replicas", "false")
                .containsEntry("number_of_replicas", "0");
        client.index(put -> put.index(target).id("written").document(
                ComplaintFold.apply(null, CaseStories.lifecycle("written", CaseStories.T0).get(0), 0)));

        index.finishReplay(target);
        assertThat(replaySettings(target)).isEqualTo(mappingSettings).containsEntry("auto_expand_replicas", "0-1");
        assertThat(client.count(count -> count.index(target)).count()).as("refreshed at once").isEqualTo(1);
        index.finishReplay(target);
        assertThat(replaySettings(target)).as("safe to repeat").isEqualTo(mappingSettings);
    }

    /** The index's replica settings, which a replay changes, as Elasticsearch reports them (absent: the default). */
    private static Map<String, String> replaySettings(String index) throws Exception {
        IndexSettings all = client.indices().getSettings(get -> get.index(index)).get(index).settings();
        IndexSettings settings = all.index() == null ? all : all.index();
        Map<String, String> found = new java.util.TreeMap<>();
        if (settings.autoExpandReplicas() != null) {
            found.put("auto_expand_replicas", settings.autoExpandReplicas());
        }
        if (settings.numberOfReplicas() != null) {
            found.put("number_of_replicas", settings.numberOfReplicas());
        }
        return found;
    }

    private static CaseIndex freshIndex() throws Exception {
        CaseIndex index = new CaseIndex(client, "it-index-family-" + UUID.randomUUID());
        index.ensureExists();
        return index;
    }

    private static boolean apply(CaseIndex index, String id, List<ComplaintEvent> events, int sequence)
            throws Exception {
        return index.apply(id, sequence,
                current -> ComplaintFold.apply((ComplaintView) current, events.get(sequence), sequence),
                through -> {
                    throw new AssertionError("no refold expected");
                });
    }

    /** A case event a reset processor delivers again, as the event store gives it: with its aggregate. */
    private static TrackedEventMessage<?> replayed(String caseId, long sequence, List<ComplaintEvent> events) {
        TrackingToken token = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100),
                new GlobalSequenceTrackingToken(1));
        return new GenericTrackedDomainEventMessage<>(token,
                new GenericDomainEventMessage<>("ComplaintAggregate", caseId, sequence, events.get((int) sequence)));
    }

    /** An event a reset processor delivers again: its token is a replay token still before the reset position. */
    private static TrackedEventMessage<?> replayed() {
        TrackingToken token = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100),
                new GlobalSequenceTrackingToken(1));
        return new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage("replayed"));
    }
}
