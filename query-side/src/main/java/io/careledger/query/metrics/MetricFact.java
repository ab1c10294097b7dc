package io.careledger.query.metrics;

import java.time.Instant;

/**
 * One fact the service metrics count: a complaint, refund, repair, survey response, care task or purchase, as
 * its events have made it so far (docs/metrics.md). Facts hold only additive raw values (times, counts, flags,
 * amounts in cents); every average, percentile and rate is computed by Elasticsearch aggregations at query
 * time, so figures roll up from days to weeks and months correctly and a replay gives the same documents.
 * <p>
 * {@code at} is the instant the fact is bucketed by: when the complaint was filed, the refund requested, the
 * repair registered, the survey answered, the care task due, the purchase made. Fields that do not apply to a
 * kind are null. {@code version} is the sequence number of the aggregate's last event folded in (convention 8).
 */
public record MetricFact(
        String id,
        Kind kind,
        String definitionVersion,
        long version,
        Instant at,
        String storeId,
        String channel,
        String category,
        String customerId,
        String staffId,
        String level,
        Double firstResponseMinutes,
        Boolean breached,
        Boolean resolved,
        Instant resolvedAt,
        Double handlingHours,
        Boolean fcr,
        String currency,
        Long requestedCents,
        Boolean decided,
        Boolean automatic,
        Long paidCents,
        Instant paidAt,
        Double hoursToPayment,
        Boolean free,
        Integer csat,
        Integer nps,
        String subjectKind,
        String subjectId,
        String taskKind,
        Boolean followUp,
        String status,
        String completedBy,
        Instant completedAt) {

    public enum Kind {
        COMPLAINT, REFUND, REPAIR, SURVEY, CARE_TASK, PURCHASE
    }

    static Draft draft(String id, Kind kind, long version, Instant at) {
        Draft draft = new Draft();
        draft.id = id;
        draft.kind = kind;
        draft.definitionVersion = io.careledger.api.metrics.MetricsDefinition.VERSION;
        draft.version = version;
        draft.at = at;
        return draft;
    }

    Draft edit(long nextVersion) {
        Draft draft = new Draft(this);
        draft.version = nextVersion;
        return draft;
    }

    /** A working copy while one event is folded in. */
    static final class Draft {
        String id;
        Kind kind;
        String definitionVersion;
        long version;
        Instant at;
        String storeId;
        String channel;
        String category;
        String customerId;
        String staffId;
        String level;
        Double firstResponseMinutes;
        Boolean breached;
        Boolean resolved;
        Instant resolvedAt;
        Double handlingHours;
        Boolean fcr;
        String currency;
        Long requestedCents;
        Boolean decided;
        Boolean automatic;
        Long paidCents;
        Instant paidAt;
        Double hoursToPayment;
        Boolean free;
        Integer csat;
        Integer nps;
        String subjectKind;
        String subjectId;
        String taskKind;
        Boolean followUp;
        String status;
        String completedBy;
        Instant completedAt;

        private Draft() {
        }

        private Draft(MetricFact fact) {
            id = fact.id();
            kind = fact.kind();
            definitionVersion = fact.definitionVersion();
            version = fact.version();
            at = fact.at();
            storeId = fact.storeId();
            channel = fact.channel();
            category = fact.category();
            customerId = fact.customerId();
            staffId = fact.staffId();
            level = fact.level();
            firstResponseMinutes = fact.firstResponseMinutes();
            breached = fact.breached();
            resolved = fact.resolved();
            resolvedAt = fact.resolvedAt();
            handlingHours = fact.handlingHours();
            fcr = fact.fcr();
            currency = fact.currency();
            requestedCents = fact.requestedCents();
            decided = fact.decided();
            automatic = fact.automatic();
            paidCents = fact.paidCents();
            paidAt = fact.paidAt();
            hoursToPayment = fact.hoursToPayment();
            free = fact.free();
            csat = fact.csat();
            nps = fact.nps();
            subjectKind = fact.subjectKind();
            subjectId = fact.subjectId();
            taskKind = fact.taskKind();
            followUp = fact.followUp();
            status = fact.status();
            completedBy = fact.completedBy();
            completedAt = fact.completedAt();
        }

        MetricFact build() {
            return new MetricFact(id, kind, definitionVersion, version, at, storeId, channel, category, customerId, staffId, level, firstResponseMinutes, breached, resolved, resolvedAt, handlingHours, fcr, currency, requestedCents, decided, automatic, paidCents, paidAt, hoursToPayment, free, csat, nps, subjectKind, subjectId, taskKind, followUp, status, completedBy, completedAt);
        }
    }
}
