package io.aurabilling.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A billing period: a calendar month in an OB's time zone. A row belongs to the period
 * when {@code start <= AURA_TM < end}, where start and end are the local midnights of
 * the first day of the month and of the next month.
 *
 * @param month the calendar month
 * @param zone the OB's time zone
 */
public record BillingPeriod(YearMonth month, ZoneId zone) {

    /** Validates the components. */
    public BillingPeriod {
        requireNonNull(month, "month is null");
        requireNonNull(zone, "zone is null");
    }

    /**
     * Parses {@code YYYY-MM}.
     *
     * @param month the month text, e.g. {@code 2026-10}
     * @param zone the time zone
     * @return the period
     * @throws java.time.format.DateTimeParseException when the month is not {@code YYYY-MM}
     */
    public static BillingPeriod of(String month, ZoneId zone) {
        return new BillingPeriod(YearMonth.parse(month), zone);
    }

    /** @return local midnight of the first day, in the zone */
    public ZonedDateTime startDateTime() {
        return month.atDay(1).atStartOfDay(zone);
    }

    /** @return local midnight of the first day of the next month, in the zone */
    public ZonedDateTime endDateTime() {
        return month.plusMonths(1).atDay(1).atStartOfDay(zone);
    }

    /** @return the first instant of the period (inclusive) */
    public Instant start() {
        return startDateTime().toInstant();
    }

    /** @return the first instant after the period (exclusive) */
    public Instant end() {
        return endDateTime().toInstant();
    }

    /**
     * Whether an instant falls in the period.
     *
     * @param instant the instant
     * @return {@code start <= instant < end}
     */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(end());
    }

    /** @return the local days of the month, in order */
    public List<LocalDate> days() {
        List<LocalDate> days = new ArrayList<>(month.lengthOfMonth());
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            days.add(month.atDay(d));
        }
        return List.copyOf(days);
    }

    /** @return the month as {@code YYYY-MM} */
    public String monthText() {
        return month.toString();
    }
}
