package io.careledger.query.metrics;

import java.time.Duration;

import io.careledger.api.complaint.ComplaintAcknowledged;
import io.careledger.api.complaint.ComplaintDeadlineMissed;
import io.careledger.api.complaint.ComplaintEvent;
import io.careledger.api.complaint.ComplaintFiled;
import io.careledger.api.complaint.ComplaintReopened;
import io.careledger.api.complaint.ComplaintResolved;

/**
 * What a complaint's events contribute to the metrics (docs/metrics.md, "Complaints"). Pure, so the live
 * projection and a rebuild fold the same events into the same fact.
 */
final class ComplaintFacts {

    private ComplaintFacts() {
    }

    /** @param state the fact before the event; null only before the complaint was filed */
    static MetricFact apply(MetricFact state, ComplaintEvent event, long sequence) {
        if (event instanceof ComplaintFiled filed) {
            MetricFact.Draft d = MetricFact.draft(filed.complaintId().value(), MetricFact.Kind.COMPLAINT, sequence,
                    filed.occurredAt());
            d.storeId = filed.storeId().value();
            d.channel = filed.channel().name();
            d.category = filed.category().name();
            d.customerId = filed.customerId().value();
            // The level the complaint was filed at: the breach rate per level judges the level's own deadline.
            d.level = filed.severity().name();
            d.breached = false;
            d.resolved = false;
            return d.build();
        }
        if (state == null) {
            throw new IllegalStateException("Complaint " + event.caseId() + " has a "
                    + event.getClass().getSimpleName() + " (sequence " + sequence + ") but was never filed");
        }
        MetricFact.Draft d = state.edit(sequence);
        if (event instanceof ComplaintAcknowledged acknowledged) {
            d.staffId = acknowledged.by().value();
            d.firstResponseMinutes = minutes(Duration.between(state.at(), acknowledged.occurredAt()));
            if (!acknowledged.withinDeadline()) {
                // A late first response before the deadline's own timer fired is a breach all the same.
                d.breached = true;
            }
        } else if (event instanceof ComplaintDeadlineMissed) {
            d.breached = true;
        } else if (event instanceof ComplaintResolved resolved) {
            d.resolved = true;
            d.resolvedAt = resolved.occurredAt();
            d.handlingHours = hours(Duration.between(state.at(), resolved.occurredAt()));
            d.fcr = resolved.firstContactResolution();
        } else if (event instanceof ComplaintReopened) {
            // Open again: not resolved until the next resolution, and never again at first contact.
            d.resolved = false;
            d.resolvedAt = null;
            d.handlingHours = null;
            d.fcr = null;
        }
        // Contacts, escalations, proposals, follow-ups and closing change no figure; the version still moves on.
        return d.build();
    }

    static double minutes(Duration duration) {
        return duration.toMillis() / 60_000.0;
    }

    static double hours(Duration duration) {
        return duration.toMillis() / 3_600_000.0;
    }
}
