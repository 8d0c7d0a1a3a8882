package io.aurabilling.dataset;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

import static java.util.Objects.requireNonNull;

/**
 * Parser of {@code AURA_TM} text, written for tens of millions of rows: no regex, no
 * {@code DateTimeFormatter}, no allocation per row. It reads the UTF-8 bytes of the Avro
 * {@code Utf8} value directly.
 *
 * <p>Accepted text (billing-rules.md): the date {@code YYYY-MM-DD}, {@code T} or a single space,
 * {@code HH:MM:SS}, an optional fraction of 1 to 9 digits after {@code .}, then {@code Z},
 * {@code ±HH:MM} or nothing. Text without an offset is local time in the zone given to the
 * constructor ({@code defaults.timestamps-without-offset}); in a daylight-saving gap or overlap
 * it resolves like {@link java.time.ZonedDateTime#ofLocal} (gap: moved forward; overlap: the
 * earlier offset). Anything else is invalid: out-of-range fields (hour 24, minute or second 60,
 * day 32, 2026-02-29, offset beyond ±18:00 or offset minutes over 59), lower-case {@code t} or
 * {@code z}, surrounding white space, other separators, missing seconds.
 *
 * <p>The result is packed in one {@code long}: {@code epochSecond * 1_000_000_000 + nano}
 * ({@link #epochSecond}, {@link #nano}), or {@link #INVALID}. Instants beyond the packable range
 * (before 1677-09-21 or after 2262-04-11) saturate to {@link #FAR_PAST} / {@link #FAR_FUTURE}:
 * they are valid but outside any billing period this library accepts.
 *
 * <p>Not thread-safe (it caches the zone's current offset): use one instance per thread.
 */
public final class AuraTimestamp {
    /** The result for text that is not a valid timestamp. */
    public static final long INVALID = Long.MIN_VALUE;
    /** A valid instant earlier than every packable instant. */
    public static final long FAR_PAST = Long.MIN_VALUE + 1;
    /** A valid instant later than every packable instant. */
    public static final long FAR_FUTURE = Long.MAX_VALUE;

    private static final long NANOS = 1_000_000_000L;
    private static final long MAX_SECOND = Long.MAX_VALUE / NANOS - 1;
    private static final long MIN_SECOND = Long.MIN_VALUE / NANOS + 1;
    private static final int MAX_OFFSET = 18 * 3600;
    private static final int[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
            100_000_000, 1_000_000_000};

    private final ZoneOffsets noOffsetZone;
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    // the last valid date text (its first eight bytes, then the two day digits) and its epoch day:
    // rows come in runs of one date, which then cost two comparisons instead of a date parse
    private long lastDateHead = -1;
    private int lastDateTail = -1;
    private long lastEpochDay;

    /**
     * Creates a parser.
     *
     * @param noOffsetZone the zone of text without an offset ({@code defaults.timestamps-without-offset})
     */
    public AuraTimestamp(ZoneId noOffsetZone) {
        this.noOffsetZone = new ZoneOffsets(requireNonNull(noOffsetZone, "noOffsetZone is null"));
    }

    /**
     * Parses text.
     *
     * @param text the timestamp text
     * @return the packed instant, or {@link #INVALID} (also for {@code null})
     */
    public long parse(CharSequence text) {
        if (text == null) {
            return INVALID;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        return parse(bytes, 0, bytes.length);
    }

    /**
     * Parses UTF-8 bytes, e.g. those of an Avro {@code Utf8} ({@code getBytes()}, {@code getByteLength()}).
     *
     * @param b the bytes
     * @param off where the text starts
     * @param len its length in bytes
     * @return the packed instant, or {@link #INVALID}
     */
    public long parse(byte[] b, int off, int len) {
        // shortest: YYYY-MM-DDTHH:MM:SS (19); longest: + .nnnnnnnnn + +HH:MM (35)
        if (len < 19 || len > 35) {
            return INVALID;
        }
        long dateHead = (long) LONGS.get(b, off);
        int dateTail = (b[off + 8] & 0xFF) | (b[off + 9] & 0xFF) << 8;
        long epochDay;
        if (dateHead == lastDateHead && dateTail == lastDateTail) {
            epochDay = lastEpochDay;
        } else {
            int year = digits4(b, off);
            int month = digits2(b, off + 5);
            int day = digits2(b, off + 8);
            if ((year | month | day) < 0 || b[off + 4] != '-' || b[off + 7] != '-'
                    || month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
                return INVALID;
            }
            epochDay = epochDay(year, month, day);
            lastDateHead = dateHead;
            lastDateTail = dateTail;
            lastEpochDay = epochDay;
        }
        int hour = digits2(b, off + 11);
        int minute = digits2(b, off + 14);
        int second = digits2(b, off + 17);
        if ((hour | minute | second) < 0 || (b[off + 10] != 'T' && b[off + 10] != ' ')
                || b[off + 13] != ':' || b[off + 16] != ':' || hour > 23 || minute > 59 || second > 59) {
            return INVALID;
        }
        int p = off + 19;
        int end = off + len;
        int nano = 0;
        if (p < end && b[p] == '.') {
            p++;
            int start = p;
            while (p < end && b[p] >= '0' && b[p] <= '9') {
                nano = nano * 10 + (b[p] - '0');
                p++;
            }
            int n = p - start;
            if (n < 1 || n > 9) {
                return INVALID;
            }
            nano *= POW10[9 - n];
        }
        long local = (epochDay * 86_400L) + hour * 3600L + minute * 60L + second;
        long epochSecond;
        if (p == end) {
            epochSecond = noOffsetZone.toEpochSecond(local);
        } else if (b[p] == 'Z') {
            if (p + 1 != end) {
                return INVALID;
            }
            epochSecond = local;
        } else if (b[p] == '+' || b[p] == '-') {
            if (end - p != 6 || b[p + 3] != ':') {
                return INVALID;
            }
            int oh = digits2(b, p + 1);
            int om = digits2(b, p + 4);
            if ((oh | om) < 0 || om > 59) {
                return INVALID;
            }
            int offset = oh * 3600 + om * 60;
            if (offset > MAX_OFFSET) {
                return INVALID;
            }
            epochSecond = b[p] == '+' ? local - offset : local + offset;
        } else {
            return INVALID;
        }
        return pack(epochSecond, nano);
    }

    /**
     * Packs an instant.
     *
     * @param epochSecond seconds since the epoch
     * @param nano nanoseconds, 0 to 999,999,999
     * @return the packed value, saturated to {@link #FAR_PAST} / {@link #FAR_FUTURE} beyond the range
     */
    public static long pack(long epochSecond, int nano) {
        if (epochSecond > MAX_SECOND) {
            return FAR_FUTURE;
        }
        if (epochSecond < MIN_SECOND) {
            return FAR_PAST;
        }
        return epochSecond * NANOS + nano;
    }

    /**
     * @param packed a packed instant (not {@link #INVALID})
     * @return its epoch second
     */
    public static long epochSecond(long packed) {
        return Math.floorDiv(packed, NANOS);
    }

    /**
     * @param packed a packed instant (not {@link #INVALID})
     * @return its nanosecond of second
     */
    public static int nano(long packed) {
        return (int) Math.floorMod(packed, NANOS);
    }

    /**
     * @param packed a packed instant
     * @return the instant, or {@code null} for {@link #INVALID}
     */
    public static Instant toInstant(long packed) {
        return packed == INVALID ? null : Instant.ofEpochSecond(epochSecond(packed), nano(packed));
    }

    /**
     * @param instant an instant
     * @return it packed (saturated beyond the range)
     */
    public static long pack(Instant instant) {
        return pack(instant.getEpochSecond(), instant.getNano());
    }

    private static int digits2(byte[] b, int i) {
        int d0 = b[i] - '0';
        int d1 = b[i + 1] - '0';
        if (d0 < 0 || d0 > 9 || d1 < 0 || d1 > 9) {
            return -1;
        }
        return d0 * 10 + d1;
    }

    private static int digits4(byte[] b, int i) {
        int hi = digits2(b, i);
        int lo = digits2(b, i + 2);
        return (hi | lo) < 0 ? -1 : hi * 100 + lo;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** Days since 1970-01-01 of a valid proleptic ISO date (the algorithm of LocalDate.toEpochDay). */
    static long epochDay(int year, int month, int day) {
        long y = year;
        long total = 365 * y;
        if (y >= 0) {
            total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
        } else {
            total -= y / -4 - y / -100 + y / -400;
        }
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!isLeap(year)) {
                total--;
            }
        }
        return total - 719_528L;
    }
}
