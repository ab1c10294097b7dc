package io.careledger.command.care.policy;

import io.careledger.command.common.PolicyTables;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When care and follow-up tasks are due (DOMAIN.md §3). The delays are the sources' ("one week after a
 * purchase", "48 hours after a complaint is resolved", thank-yous "the same day"); the zone is the one staff
 * work in, because "the same day" and "on the birthday" mean the local day, not UTC's.
 *
 * @param zone                      where days begin and end
 * @param purchaseFollowUpDelay     from the purchase to its follow-up call
 * @param satisfactionFollowUpDelay from a complaint's resolution to the satisfaction call
 * @param reconnectDueDelay         how long staff have to send a reconnect message once a member is dormant
 */
public record CarePolicy(
        String version,
        ZoneId zone,
        Duration purchaseFollowUpDelay,
        Duration satisfactionFollowUpDelay,
        Duration reconnectDueDelay) {

    public CarePolicy {
        version = PolicyTables.version(version);
        if (zone == null) {
            throw new IllegalArgumentException("zone is required");
        }
        purchaseFollowUpDelay = PolicyTables.positive(purchaseFollowUpDelay, "purchaseFollowUpDelay");
        satisfactionFollowUpDelay = PolicyTables.positive(satisfactionFollowUpDelay, "satisfactionFollowUpDelay");
        reconnectDueDelay = PolicyTables.positive(reconnectDueDelay, "reconnectDueDelay");
    }

    /** Care-2026.1: China time, a week, 48 hours (the sources), three days to reconnect (our choice). */
    public static CarePolicy defaults() {
        return new CarePolicy("care-2026.1", ZoneId.of("Asia/Shanghai"), Duration.ofDays(7), Duration.ofHours(48),
                Duration.ofDays(3));
    }

    public Instant purchaseFollowUpDue(Instant purchasedAt) {
        return purchasedAt.plus(purchaseFollowUpDelay);
    }

    public Instant satisfactionFollowUpDue(Instant resolvedAt) {
        return resolvedAt.plus(satisfactionFollowUpDelay);
    }

    public Instant reconnectDue(Instant becameDormantAt) {
        return becameDormantAt.plus(reconnectDueDelay);
    }

    /** "The same day": the last second of the local day on which {@code trigger} happened. */
    public Instant sameDayDue(Instant trigger) {
        return startOfDay(today(trigger).plusDays(1)).minusSeconds(1);
    }

    /** A birthday message is due when the birthday begins, locally. */
    public Instant birthdayMessageDue(LocalDate birthday) {
        return startOfDay(birthday);
    }

    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }

    public Instant startOfDay(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }
}
