package io.customerclassification.adapter.http.intacct;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Optional;

/**
 * Date values of the query service: an instant ({@code 2026-01-07T06:18:51Z}), a date ({@code 2026-01-07},
 * the whole UTC day), or a macro relative to {@code asOfDate} (today, yesterday, currentWeek, lastWeek,
 * currentMonth, priorMonth, currentQuarter, priorQuarter, currentYear, priorYear). Weeks start on Monday.
 */
final class DateValues {

    /** A period: {@code start} inclusive, {@code end} exclusive; an instant is a period of one second. */
    record Period(Instant start, Instant end, boolean exact) {
        Instant lastSecond() {
            return end.minusSeconds(1);
        }
    }

    private DateValues() {}

    static Optional<Period> parse(String text, LocalDate asOf) {
        Optional<Period> macro = macro(text, asOf);
        if (macro.isPresent()) {
            return macro;
        }
        try {
            Instant instant = OffsetDateTime.parse(text).toInstant();
            return Optional.of(new Period(instant, instant.plusSeconds(1), true));
        } catch (DateTimeParseException e) {
            // not an instant
        }
        try {
            LocalDate day = LocalDate.parse(text);
            return Optional.of(days(day, day.plusDays(1)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Period> macro(String text, LocalDate asOf) {
        LocalDate week = asOf.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate month = asOf.withDayOfMonth(1);
        LocalDate quarter = asOf.with(IsoFields.DAY_OF_QUARTER, 1);
        LocalDate year = asOf.withDayOfYear(1);
        return Optional.ofNullable(switch (text.toLowerCase(Locale.ROOT)) {
            case "today" -> days(asOf, asOf.plusDays(1));
            case "yesterday" -> days(asOf.minusDays(1), asOf);
            case "currentweek" -> days(week, week.plusWeeks(1));
            case "lastweek" -> days(week.minusWeeks(1), week);
            case "currentmonth" -> days(month, month.plusMonths(1));
            case "priormonth" -> days(month.minusMonths(1), month);
            case "currentquarter" -> days(quarter, quarter.plusMonths(3));
            case "priorquarter" -> days(quarter.minusMonths(3), quarter);
            case "currentyear" -> days(year, year.plusYears(1));
            case "prioryear" -> days(year.minusYears(1), year);
            default -> null;
        });
    }

    private static Period days(LocalDate from, LocalDate until) {
        return new Period(from.atStartOfDay(ZoneOffset.UTC).toInstant(), until.atStartOfDay(ZoneOffset.UTC).toInstant(),
                false);
    }
}
