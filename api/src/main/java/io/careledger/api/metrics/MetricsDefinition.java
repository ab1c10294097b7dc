package io.careledger.api.metrics;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The versioned definition of the service metrics (docs/metrics.md explains each figure). The version is
 * carried by every metrics document and by the metrics index's mapping; a change to how facts are derived from
 * events gets a new version and is applied by rebuilding the metrics projection.
 */
public final class MetricsDefinition {
    /** Bump with every change of a definition; docs/metrics.md keeps the history. */
    public static final String VERSION = "metrics-2026.1";
    /** Day, week and month buckets start at midnight in the care policy's zone (DOMAIN.md §3-4 deadlines use it too). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A purchase this long after a complaint's resolution counts as a repeat purchase. */
    public static final Duration REPEAT_PURCHASE_WINDOW = Duration.ofDays(90);
    /** A category above this share of a period's complaints is flagged for the supply chain (DOMAIN.md §8). */
    public static final double CATEGORY_FLAG_SHARE = 0.40;
    /** How many categories a bucket lists as its top ones. */
    public static final int TOP_CATEGORIES = 3;
    /** NPS: 9-10 promote, 0-6 detract. */
    public static final int NPS_PROMOTER_FROM = 9;
    public static final int NPS_DETRACTOR_UP_TO = 6;

    private MetricsDefinition() {
    }
}
