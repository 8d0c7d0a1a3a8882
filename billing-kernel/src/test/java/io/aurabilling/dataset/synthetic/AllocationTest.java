package io.aurabilling.dataset.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class AllocationTest {

    @Test
    void largestRemainderGivesLeftoversToLargestRemaindersThenLowerIndex() {
        // 10 / 3 = 3.33 each: one unit left, the tie goes to index 0
        assertArrayEquals(new long[] {4, 3, 3}, Allocation.largestRemainder(new double[] {1, 1, 1}, 10));
        // exact shares 1.5, 2.5, 6.0 -> floors 1, 2, 6; one unit left, remainders tie at .5 -> index 0
        assertArrayEquals(new long[] {2, 2, 6}, Allocation.largestRemainder(new double[] {1.5, 2.5, 6}, 10));
        assertArrayEquals(new long[] {0, 7, 0}, Allocation.largestRemainder(new double[] {0, 3, 0}, 7));
    }

    @Property(tries = 1000)
    void partsAddUpAndStayWithinOneOfTheExactShare(
            @ForAll @Size(min = 1, max = 40) java.util.List<@DoubleRange(min = 0, max = 1000) Double> weights,
            @ForAll @LongRange(min = 0, max = 500_000_000_000L) long total) {
        double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        if (sum <= 0) {
            return;
        }
        long[] parts = Allocation.largestRemainder(w, total);
        long added = 0;
        for (int i = 0; i < w.length; i++) {
            double exact = total * (w[i] / sum);
            assertTrue(Math.abs(parts[i] - exact) <= 1.0 + exact * 1e-9, "part " + i + " " + parts[i] + " vs " + exact);
            if (w[i] == 0) {
                assertEquals(0, parts[i]);
            }
            added += parts[i];
        }
        assertEquals(total, added);
    }

    @Test
    void timestampTextInEveryShape() {
        TimestampText text = new TimestampText(java.time.LocalDate.of(2026, 9, 1), java.time.LocalDate.of(2026, 11, 30));
        long t = Instant.parse("2026-10-01T12:00:00.123Z").toEpochMilli();
        byte[] buf = new byte[48];
        assertEquals("2026-10-01T12:00:00.123Z", s(buf, text.write(buf, t, 0, (byte) 'T', 3, 0, 1)));
        assertEquals("2026-10-01T12:00:00Z", s(buf, text.write(buf, t, 0, (byte) 'T', 0, 0, 1)));
        assertEquals("2026-10-01T09:00:00.123456-03:00", s(buf, text.write(buf, t, -10800, (byte) 'T', 6, 456, 2)));
        assertEquals("2026-10-01T14:00:00+02:00", s(buf, text.write(buf, t, 7200, (byte) 'T', 0, 0, 2)));
        assertEquals("2026-10-01T12:00:00", s(buf, text.write(buf, t, 0, (byte) 'T', 0, 0, 0)));
        assertEquals("2026-10-01 12:00:00.1", s(buf, text.write(buf, t, 0, (byte) ' ', 1, 0, 0)));
        // local time on the previous day, and a zero offset shown as +00:00
        long early = Instant.parse("2026-10-01T01:30:05.009Z").toEpochMilli();
        assertEquals("2026-09-30T22:30:05.009-03:00", s(buf, text.write(buf, early, -10800, (byte) 'T', 3, 0, 2)));
        assertEquals("2026-10-01T01:30:05+00:00", s(buf, text.write(buf, early, 0, (byte) 'T', 0, 0, 2)));
    }

    private static String s(byte[] buf, int len) {
        return new String(buf, 0, len, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
