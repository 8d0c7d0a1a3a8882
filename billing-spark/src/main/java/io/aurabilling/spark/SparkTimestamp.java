package io.aurabilling.spark;

import org.apache.spark.sql.Column;

import java.time.ZoneId;

import static org.apache.spark.sql.functions.ascii;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

/**
 * The {@code AURA_TM} grammar of billing-rules.md (the same as the embedded reader's
 * {@code AuraTimestamp}) as one Spark column expression: no UDF, no {@code to_timestamp} (whose
 * leniency, session time zone and ANSI behaviour differ between Spark versions), only a regular
 * expression for the shape and integer arithmetic on the digits for the ranges and the instant.
 *
 * <p>Accepted: {@code YYYY-MM-DD}, {@code T} or one space, {@code HH:MM:SS}, an optional fraction of
 * 1 to 9 digits, then {@code Z}, {@code ±HH:MM} (at most 18:00, minutes at most 59) or nothing (local
 * time in the no-offset zone). Everything else, out-of-range fields included, gives {@code null}.
 * The fraction never decides anything: billing periods start at whole seconds, so
 * {@code start <= t < end} holds exactly when it holds for t's whole second.
 */
final class SparkTimestamp {
    /** The shape; {@code \z}, not {@code $}, so that a trailing line break is rejected. */
    static final String SHAPE =
            "\\A[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})?\\z";

    private SparkTimestamp() {
    }

    /**
     * The epoch second of timestamp text, or null when the text is not a valid timestamp.
     *
     * @param text the {@code AURA_TM} column (string)
     * @param noOffsetZone the zone of text without offset
     * @param from start of the window in which the no-offset zone's transitions are exact
     * @param to end of that window
     * @return a bigint column
     */
    static Column epochSecond(Column text, ZoneId noOffsetZone, long from, long to) {
        Column[] parts = parts(text);
        return instant(parts[0], parts[1], parts[2], noOffsetZone, from, to);
    }

    /**
     * The text taken apart, for a first projection (so the large digit arithmetic is computed once and
     * not copied into every branch of the zone expression).
     *
     * @param text the {@code AURA_TM} column
     * @return {@code valid} (boolean), {@code local} (bigint: local seconds since 1970-01-01T00:00) and
     *         {@code offset} (bigint seconds east of UTC; null when the text has none)
     */
    static Column[] parts(Column text) {
        Column year = digit(text, 1).multiply(1000).plus(digit(text, 2).multiply(100))
                .plus(digit(text, 3).multiply(10)).plus(digit(text, 4)).cast("long");
        Column month = two(text, 6);
        Column day = two(text, 9);
        Column hour = two(text, 12);
        Column minute = two(text, 15);
        Column second = two(text, 18);
        Column leap = pmod(year, lit(4L)).equalTo(0)
                .and(pmod(year, lit(100L)).notEqual(0).or(pmod(year, lit(400L)).equalTo(0)));
        Column monthLength = when(month.equalTo(2), when(leap, lit(29)).otherwise(lit(28)))
                .when(month.isin(4, 6, 9, 11), lit(30))
                .otherwise(lit(31));
        // LocalDate.toEpochDay for years 0-9999 (the shape allows no sign)
        Column epochDay = year.multiply(365L)
                .plus(floorDiv(year.plus(3L), 4)).minus(floorDiv(year.plus(99L), 100))
                .plus(floorDiv(year.plus(399L), 400))
                .plus(floorDiv(month.cast("long").multiply(367L).minus(362L), 12))
                .plus(day.cast("long")).minus(1L)
                .minus(when(month.gt(2), when(leap, lit(1L)).otherwise(lit(2L))).otherwise(lit(0L)))
                .minus(719_528L);
        Column local = epochDay.multiply(86_400L).plus(hour.cast("long").multiply(3600L))
                .plus(minute.cast("long").multiply(60L)).plus(second.cast("long"));

        Column last = substring(text, -1, 1);
        Column sign = substring(text, -6, 1);
        Column hasOffset = sign.equalTo("+").or(sign.equalTo("-"));
        Column offsetHours = digit(text, -5).multiply(10).plus(digit(text, -4));
        Column offsetMinutes = digit(text, -2).multiply(10).plus(digit(text, -1));
        Column offset = offsetHours.multiply(3600).plus(offsetMinutes.multiply(60)).cast("long");
        Column signedOffset = when(last.equalTo("Z"), lit(0L))
                .when(sign.equalTo("+"), offset)
                .when(hasOffset, offset.multiply(-1L));

        Column valid = text.isNotNull()
                .and(length(text).between(19, 35))
                .and(text.rlike(SHAPE))
                .and(month.between(1, 12)).and(day.geq(1)).and(day.leq(monthLength))
                .and(hour.leq(23)).and(minute.leq(59)).and(second.leq(59))
                .and(when(hasOffset, offsetMinutes.leq(59).and(offset.leq(18L * 3600))).otherwise(lit(true)));
        return new Column[] {valid, local, signedOffset};
    }

    /**
     * The epoch second from the parts of {@link #parts}.
     *
     * @param valid the validity
     * @param local local seconds
     * @param offset the offset, null for text without one
     * @param noOffsetZone the zone of text without offset
     * @param from start of the window in which the zone's transitions are exact
     * @param to end of that window
     * @return epoch seconds (bigint), null when not valid
     */
    static Column instant(Column valid, Column local, Column offset, ZoneId noOffsetZone, long from, long to) {
        return when(valid, when(offset.isNull(), ZoneColumns.localToEpoch(local, noOffsetZone, from, to))
                .otherwise(local.minus(offset)));
    }

    /**
     * Floor division by a positive constant, exact for the magnitudes used here (below 2^53).
     *
     * @param a the dividend (integral)
     * @param b the divisor, positive
     * @return {@code floor(a / b)} as bigint
     */
    static Column floorDiv(Column a, long b) {
        return a.minus(pmod(a, lit(b))).divide(lit(b)).cast("long");
    }

    /** The value of the ASCII digit at a 1-based position (negative: from the end); garbage for non-digits. */
    private static Column digit(Column text, int position) {
        return ascii(substring(text, position, 1)).minus(48);
    }

    private static Column two(Column text, int position) {
        return digit(text, position).multiply(10).plus(digit(text, position + 1));
    }
}
