package io.careledger.query.metrics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import io.careledger.api.metrics.Granularity;

/**
 * The calendar periods of a range, as Elasticsearch's {@code date_histogram} cuts them with the same zone and
 * calendar interval (days from midnight, ISO weeks from Monday, months from the 1st), so that Java can key
 * its own facts (the repeat purchases) and the empty periods to the same buckets.
 */
final class Periods {

    private Periods() {
    }

    /** The first day of the period holding {@code instant}. */
    static LocalDate periodOf(Instant instant, Granularity granularity, ZoneId zone) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        return switch (granularity) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** Every period that overlaps {@code [from, to)}, oldest first. */
    static List<LocalDate> between(Instant from, Instant to, Granularity granularity, ZoneId zone) {
        List<LocalDate> periods = new ArrayList<>();
        for (LocalDate period = periodOf(from, granularity, zone);
             period.atStartOfDay(zone).toInstant().isBefore(to);
             period = next(period, granularity)) {
            periods.add(period);
        }
        return periods;
    }

    static LocalDate next(LocalDate period, Granularity granularity) {
        return switch (granularity) {
            case DAY -> period.plusDays(1);
            case WEEK -> period.plusWeeks(1);
            case MONTH -> period.plusMonths(1);
        };
    }

    static CalendarInterval interval(Granularity granularity) {
        return switch (granularity) {
            case DAY -> CalendarInterval.Day;
            case WEEK -> CalendarInterval.Week;
            case MONTH -> CalendarInterval.Month;
        };
    }
}
