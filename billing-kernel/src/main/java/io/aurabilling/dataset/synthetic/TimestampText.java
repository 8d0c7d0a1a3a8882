package io.aurabilling.dataset.synthetic;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Writes {@code AURA_TM} text straight into byte buffers, in the shapes of the datasets
 * README, without {@code String.format} or a {@code DateTimeFormatter} per row: the date
 * part comes from a small per-day cache and the time digits are written one by one.
 */
final class TimestampText {
    private static final long MS_PER_DAY = 86_400_000L;

    private final long firstDay;
    private final byte[][] dates;

    /**
     * Caches the date text of every day in a range.
     *
     * @param from the first day that will be formatted
     * @param to the last day that will be formatted (inclusive)
     */
    TimestampText(LocalDate from, LocalDate to) {
        this.firstDay = from.toEpochDay();
        int n = (int) (to.toEpochDay() - firstDay + 1);
        this.dates = new byte[n][];
        for (int i = 0; i < n; i++) {
            dates[i] = LocalDate.ofEpochDay(firstDay + i).toString().getBytes(StandardCharsets.US_ASCII);
        }
    }

    /**
     * The text {@code yyyy-MM-dd} of a day in the cached range.
     *
     * @param epochDay the day
     * @return its ASCII bytes (shared, do not modify)
     */
    byte[] date(long epochDay) {
        return dates[(int) (epochDay - firstDay)];
    }

    /**
     * Writes an instant as local date-time text of the given offset.
     *
     * @param buf the destination, at least 40 bytes
     * @param epochMs the instant
     * @param offsetSeconds the offset to show the local time in (0 for UTC)
     * @param separator {@code 'T'} or {@code ' '}
     * @param fractionDigits 0 (no fraction), 1 (tenths), 3 (millis) or 6 (millis and then {@code micros})
     * @param micros the three digits written after the millis when {@code fractionDigits} is 6
     * @param suffix 0: none, 1: {@code Z}, 2: the {@code ±HH:MM} offset
     * @return the number of bytes written
     */
    int write(byte[] buf, long epochMs, int offsetSeconds, byte separator, int fractionDigits, int micros, int suffix) {
        long local = epochMs + offsetSeconds * 1000L;
        long day = Math.floorDiv(local, MS_PER_DAY);
        int msOfDay = (int) (local - day * MS_PER_DAY);
        System.arraycopy(date(day), 0, buf, 0, 10);
        buf[10] = separator;
        int secOfDay = msOfDay / 1000;
        int ms = msOfDay - secOfDay * 1000;
        two(buf, 11, secOfDay / 3600);
        buf[13] = ':';
        two(buf, 14, secOfDay / 60 % 60);
        buf[16] = ':';
        two(buf, 17, secOfDay % 60);
        int pos = 19;
        if (fractionDigits > 0) {
            buf[pos++] = '.';
            if (fractionDigits == 1) {
                buf[pos++] = (byte) ('0' + ms / 100);
            } else {
                three(buf, pos, ms);
                pos += 3;
                if (fractionDigits == 6) {
                    three(buf, pos, micros);
                    pos += 3;
                }
            }
        }
        if (suffix == 1) {
            buf[pos++] = 'Z';
        } else if (suffix == 2) {
            int abs = Math.abs(offsetSeconds);
            buf[pos++] = (byte) (offsetSeconds < 0 ? '-' : '+');
            two(buf, pos, abs / 3600);
            buf[pos + 2] = ':';
            two(buf, pos + 3, abs / 60 % 60);
            pos += 5;
        }
        return pos;
    }

    private static void two(byte[] buf, int pos, int v) {
        buf[pos] = (byte) ('0' + v / 10);
        buf[pos + 1] = (byte) ('0' + v % 10);
    }

    private static void three(byte[] buf, int pos, int v) {
        buf[pos] = (byte) ('0' + v / 100);
        buf[pos + 1] = (byte) ('0' + v / 10 % 10);
        buf[pos + 2] = (byte) ('0' + v % 10);
    }
}
