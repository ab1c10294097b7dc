package io.careledger.query.cases;

import java.io.IOException;

import io.careledger.api.cases.CaseView;
import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.customer.CustomerPersonalDataErased;
import io.careledger.api.complaint.ComplaintView;
import io.careledger.api.refund.RefundEvent;
import io.careledger.api.refund.RefundView;
import io.careledger.api.repair.RepairEvent;
import io.careledger.api.repair.RepairView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Projects complaint, refund and repair events into the case index. Idempotent and safe under replay and redelivery: each
 * event is applied only on top of the document of its predecessor, and every write replaces the whole
 * document with the event's sequence number as its external version, so Elasticsearch refuses a stale one.
 * A document found behind by more than one event (an event was lost on the way, or events came out of
 * order) is refolded from the event store instead. Nothing is ever deleted, so a replay resurrects nothing.
 * <p>
 * Replaying into the same index changes nothing; a rebuild goes through
 * {@link io.careledger.query.projection.ProjectionRebuilder}, which gives the replay a fresh index.
 */
@Component
@ProcessingGroup(CaseProjection.PROCESSING_GROUP)
public class CaseProjection {
    public static final String PROCESSING_GROUP = "case-projection";
    private static final Logger log = LoggerFactory.getLogger(CaseProjection.class);

    private final CaseIndex index;
    private final CaseHistory history;

    public CaseProjection(CaseIndex index, CaseHistory history) {
        this.index = index;
        this.history = history;
    }

    @EventHandler
    public void on(ComplaintEvent event, @SequenceNumber long sequence) throws IOException {
        if (!index.apply(event.caseId(), sequence,
                current -> ComplaintFold.apply((ComplaintView) current, event, sequence),
                through -> history.replayThrough(event.caseId(), through))) {
            log.debug("Case {} already at version {} or later", event.caseId(), sequence);
        }
    }

    /**
     * The customer's personal data was erased: their complaints copied the description and transcript, so each is
     * refolded from the store, which now reads those as the placeholder, and written back at its version. A case
     * that moved on meanwhile is refolded again at its new version. A rebuild folds the same placeholders, so it
     * ends with the same documents; handling the erasure again changes nothing.
     */
    @EventHandler
    public void on(CustomerPersonalDataErased event) throws IOException {
        String target = index.writeIndex();
        for (CaseView complaint : index.complaintsOf(target, event.customerId())) {
            CaseView current = complaint;
            while (current != null
                    && !index.correct(target, history.replayThrough(current.caseId(), current.version()))) {
                current = index.get(target, current.caseId()).orElse(null);
            }
        }
    }

    @EventHandler
    public void on(RepairEvent event, @SequenceNumber long sequence) throws IOException {
        if (!index.apply(event.caseId(), sequence,
                current -> RepairFold.apply((RepairView) current, event, sequence),
                through -> history.replayThrough(event.caseId(), through))) {
            log.debug("Case {} already at version {} or later", event.caseId(), sequence);
        }
    }

    @EventHandler
    public void on(RefundEvent event, @SequenceNumber long sequence) throws IOException {
        if (!index.apply(event.caseId(), sequence,
                current -> RefundFold.apply((RefundView) current, event, sequence),
                through -> history.replayThrough(event.caseId(), through))) {
            log.debug("Case {} already at version {} or later", event.caseId(), sequence);
        }
    }
}
