package io.aurabilling.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a whole number of minor units over weighted items by the largest-remainder
 * method: each item gets the floor of its quota, and the units left over go one by one
 * to the largest fractional remainders, ties to the earlier item (callers list items in
 * tie order: app id with the null app last, or country code).
 *
 * <p>A quota {@code units × weight / total} is a division in the money path, so, as
 * billing-rules.md says of every such division, it is taken to 10 decimals HALF_UP and
 * that value decides (two remainders equal to 10 decimals are a tie). The parts always
 * add up to the total, whatever the weights' signs and scales.
 */
final class LargestRemainder {
    private LargestRemainder() {
    }

    /**
     * Splits {@code units} in proportion to {@code weights}.
     *
     * @param units the total, in minor units (may be negative)
     * @param weights one weight per item; when they add up to zero, {@code fallback} is used
     * @param fallback weights used when {@code weights} add up to zero (e.g. queries); when
     *                 those add up to zero too, the first item takes everything
     * @return the parts, in item order, adding up to {@code units}
     */
    static BigDecimal[] allocate(BigDecimal units, List<BigDecimal> weights, List<BigDecimal> fallback) {
        int n = weights.size();
        BigDecimal[] parts = new BigDecimal[n];
        if (n == 0) {
            if (units.signum() != 0) {
                throw new IllegalArgumentException("nothing to allocate " + units.toPlainString() + " units to");
            }
            return parts;
        }
        List<BigDecimal> w = sum(weights).signum() != 0 ? weights : fallback;
        BigDecimal total = sum(w);
        if (total.signum() == 0) {
            java.util.Arrays.fill(parts, BigDecimal.ZERO);
            parts[0] = units;
            return parts;
        }
        BigDecimal[] remainders = new BigDecimal[n];
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal quota = units.multiply(w.get(i)).divide(total, 10, RoundingMode.HALF_UP);
            BigDecimal floor = quota.setScale(0, RoundingMode.FLOOR);
            parts[i] = floor;
            // in [0, 1) whatever the signs
            remainders[i] = quota.subtract(floor);
            given = given.add(floor);
        }
        int left = units.subtract(given).intValueExact();
        List<Integer> order = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer, BigDecimal>comparing(i -> remainders[i]).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (int k = 0; k < left; k++) {
            int i = order.get(k);
            parts[i] = parts[i].add(BigDecimal.ONE);
        }
        return parts;
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        BigDecimal s = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            s = s.add(v);
        }
        return s;
    }
}
