package io.careledger.api.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One period's service metrics (docs/metrics.md defines each). A figure whose denominator is zero is null, never
 * 0 or NaN; refund and repair figures are null when the query slices by complaint channel, category or owner.
 *
 * @param period      the first day of the period in {@link MetricsDefinition#ZONE}
 * @param periodStart the instant the period starts
 */
public record MetricsBucket(
        LocalDate period,
        Instant periodStart,
        String definitionVersion,
        long complaintsFiled,
        Double avgFirstResponseMinutes,
        Long p90FirstResponseMinutes,
        long firstResponses,
        Double firstContactResolutionRate,
        long complaintsResolved,
        Double avgHandlingHours,
        Double slaBreachRate,
        long slaBreaches,
        List<LevelBreachRate> slaBreachRateByLevel,
        Double csatAverage,
        long csatCount,
        Double nps,
        long npsCount,
        Long refundsCount,
        BigDecimal refundsAmount,
        String refundsCurrency,
        Double autoApprovalRate,
        Double avgRefundHours,
        Long repairsCount,
        Double freeRepairShare,
        List<CategoryShare> topCategories,
        List<CategoryShare> flaggedCategories,
        Double repeatPurchaseRate,
        long repeatPurchases) {
}
