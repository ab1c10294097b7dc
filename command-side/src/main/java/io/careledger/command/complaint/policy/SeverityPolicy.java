package io.careledger.command.complaint.policy;

import static io.careledger.api.complaint.ComplaintCategory.BATCH_COMPLAINT;
import static io.careledger.api.complaint.ComplaintCategory.DELIVERY;
import static io.careledger.api.complaint.ComplaintCategory.EQUIPMENT_FAILURE;
import static io.careledger.api.complaint.ComplaintCategory.FOOD_SAFETY;
import static io.careledger.api.complaint.ComplaintCategory.FRESH_SPOILAGE;
import static io.careledger.api.complaint.ComplaintCategory.PACKAGING_DAMAGE;
import static io.careledger.api.complaint.ComplaintCategory.PRICE_DISPUTE;
import static io.careledger.api.complaint.ComplaintCategory.PRODUCT_QUALITY;
import static io.careledger.api.complaint.ComplaintCategory.STAFF_ATTITUDE;
import static io.careledger.api.complaint.ComplaintCategory.WRONG_ITEM;
import static io.careledger.api.complaint.Severity.LEVEL_1;
import static io.careledger.api.complaint.Severity.LEVEL_2;
import static io.careledger.api.complaint.Severity.LEVEL_3;
import static java.util.Map.entry;

import io.careledger.api.complaint.ComplaintCategory;
import io.careledger.api.complaint.Severity;
import io.careledger.command.common.PolicyTables;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * How serious a complaint is and how soon somebody must answer it (DOMAIN.md §4). It is data rather than code
 * because the sources name the level of only some categories and operators decide the rest; the events it
 * shapes record {@link #version()}, so an old case is always read against the table that judged it.
 *
 * @param severities             the level of every category
 * @param firstResponseDeadlines how long a complaint of each level may wait for its first response
 */
public record SeverityPolicy(
        String version,
        Map<ComplaintCategory, Severity> severities,
        Map<Severity, Duration> firstResponseDeadlines) {

    public SeverityPolicy {
        version = PolicyTables.version(version);
        severities = PolicyTables.complete(severities, ComplaintCategory.class, "severities");
        firstResponseDeadlines =
                PolicyTables.complete(firstResponseDeadlines, Severity.class, "firstResponseDeadlines");
        firstResponseDeadlines.forEach((level, deadline) -> {
            if (deadline.isNegative() || deadline.isZero()) {
                throw new IllegalArgumentException("the first-response deadline of " + level + " must be positive");
            }
        });
    }

    /** The table of DOMAIN.md §4: the sources' levels and their 1 h / 4 h / 24 h first-response deadlines. */
    public static SeverityPolicy defaults() {
        return new SeverityPolicy("severity-2026.1",
                Map.ofEntries(
                        entry(PRICE_DISPUTE, LEVEL_1), entry(WRONG_ITEM, LEVEL_1),
                        entry(FRESH_SPOILAGE, LEVEL_2), entry(EQUIPMENT_FAILURE, LEVEL_2),
                        entry(PRODUCT_QUALITY, LEVEL_2), entry(PACKAGING_DAMAGE, LEVEL_2),
                        entry(STAFF_ATTITUDE, LEVEL_2), entry(DELIVERY, LEVEL_2),
                        entry(FOOD_SAFETY, LEVEL_3), entry(BATCH_COMPLAINT, LEVEL_3)),
                Map.of(LEVEL_1, Duration.ofHours(1), LEVEL_2, Duration.ofHours(4), LEVEL_3, Duration.ofHours(24)));
    }

    public SeverityDecision decide(ComplaintCategory category, Instant filedAt) {
        Severity severity = severities.get(category);
        return new SeverityDecision(severity, firstResponseDueAt(severity, filedAt), version);
    }

    /** When a complaint that reached {@code severity} at {@code from} must have had its first response. */
    public Instant firstResponseDueAt(Severity severity, Instant from) {
        return from.plus(firstResponseDeadlines.get(severity));
    }
}
