package io.aurabilling.engine;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LargestRemainderTest {

    private static BigDecimal[] allocate(long units, String... weights) {
        List<BigDecimal> w = Arrays.stream(weights).map(BigDecimal::new).toList();
        return LargestRemainder.allocate(BigDecimal.valueOf(units), w, w);
    }

    private static BigDecimal[] units(long... values) {
        return Arrays.stream(values).mapToObj(BigDecimal::valueOf).toArray(BigDecimal[]::new);
    }

    @Test
    void workedExampleGivesTheExtraCentToTheLargerRemainder() {
        // 120035 cents over 1000.0000 and 200.3450: quotas 100000.41... and 20034.58...
        assertArrayEquals(units(100000, 20035), allocate(120035, "1000.0000", "200.3450"));
    }

    @Test
    void quotasAreTakenToTenDecimalsBeforeTheirRemaindersAreCompared() {
        // quotas 0.4999999999998 and 0.5000000000002 are both 0.5000000000 to 10 decimals (billing-rules.md:
        // every division in the money path): a tie, so the earlier item gets the unit
        assertArrayEquals(units(1, 0), allocate(1, "1", "1.000000000001"));
        // a difference within 10 decimals still decides
        assertArrayEquals(units(0, 1), allocate(1, "1", "1.0000001"));
    }

    @Test
    void tiesGoToTheEarlierItem() {
        // 100 units over three equal weights: 33.33 each, the one unit left goes to the first
        assertArrayEquals(units(34, 33, 33), allocate(100, "1", "1", "1"));
        // 2 units left over among four equal remainders: first two
        assertArrayEquals(units(1, 1, 0, 0), allocate(2, "5", "5", "5", "5"));
    }

    @Test
    void zeroWeightsFallBackToTheSecondWeights() {
        BigDecimal[] parts = LargestRemainder.allocate(BigDecimal.valueOf(3),
                List.of(BigDecimal.ZERO, BigDecimal.ZERO), List.of(BigDecimal.ONE, BigDecimal.valueOf(2)));
        assertArrayEquals(units(1, 2), parts);
    }

    @Test
    void negativeTotalsAreSplitToo() {
        BigDecimal[] parts = allocate(-7, "1", "1");
        assertEquals(BigDecimal.valueOf(-7), parts[0].add(parts[1]));
        assertTrue(Math.abs(parts[0].longValue() - parts[1].longValue()) <= 1);
    }

    @Property(tries = 1000)
    void partsAlwaysAddUpAndStayWithinOneUnitOfTheirQuota(
            @ForAll @LongRange(min = 0, max = 10_000_000_000L) long units,
            @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = 1_000_000_000L) Long> rawWeights,
            @ForAll @IntRange(min = 0, max = 10) int weightScale) {
        List<BigDecimal> weights = new ArrayList<>();
        for (long w : rawWeights) {
            weights.add(BigDecimal.valueOf(w, weightScale));
        }
        List<BigDecimal> ones = weights.stream().map(w -> BigDecimal.ONE).toList();
        BigDecimal[] parts = LargestRemainder.allocate(BigDecimal.valueOf(units), weights, ones);
        BigDecimal sum = Arrays.stream(parts).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(BigDecimal.valueOf(units)));
        BigDecimal total = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        for (int i = 0; i < parts.length; i++) {
            assertTrue(parts[i].signum() >= 0, "no negative part");
            if (total.signum() > 0) {
                BigDecimal quota = BigDecimal.valueOf(units).multiply(weights.get(i))
                        .divide(total, 20, java.math.RoundingMode.HALF_EVEN);
                assertTrue(parts[i].subtract(quota).abs().compareTo(BigDecimal.ONE) < 0,
                        "part " + parts[i] + " is more than one unit from its quota " + quota);
            }
        }
    }
}
