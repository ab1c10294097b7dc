package io.careledger.api.metrics;

import io.careledger.api.complaint.ComplaintCategory;

/**
 * A complaint category's part of a period's complaints.
 *
 * @param flagged the share is above {@link MetricsDefinition#CATEGORY_FLAG_SHARE}
 */
public record CategoryShare(ComplaintCategory category, long count, double share, boolean flagged) {
}
