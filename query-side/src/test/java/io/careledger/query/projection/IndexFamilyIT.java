package io.careledger.query.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.careledger.api.cases.CaseView;
import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.complaint.ComplaintView;
import io.careledger.query.cases.CaseIndex;
import io.careledger.query.cases.CaseStories;
import io.careledger.query.cases.ComplaintFold;
import io.careledger.query.elasticsearch.TestElasticsearch;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
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

    /** An event a reset processor delivers again: its token is a replay token still before the reset position. */
    private static TrackedEventMessage<?> replayed() {
        TrackingToken token = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(100),
                new GlobalSequenceTrackingToken(1));
        return new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage("replayed"));
    }
}
