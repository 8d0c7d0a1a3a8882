package io.aurabilling.dataset.synthetic;

import java.util.Arrays;
import java.util.Comparator;

/** Splits an integer total over weights so that the parts add up to it exactly. */
final class Allocation {
    private Allocation() {
    }

    /**
     * Largest-remainder split: each part is the floor of its exact share, and the units
     * left over go to the largest remainders (ties: lower index first).
     *
     * @param weights non-negative weights, at least one positive
     * @param total the total to split, non-negative
     * @return the parts, adding up to {@code total}
     */
    static long[] largestRemainder(double[] weights, long total) {
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be finite and non-negative: " + Arrays.toString(weights));
            }
            sum += w;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
        long[] parts = new long[weights.length];
        double[] remainders = new double[weights.length];
        long assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * (weights[i] / sum);
            parts[i] = (long) Math.floor(exact);
            remainders[i] = exact - parts[i];
            assigned += parts[i];
        }
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // largest remainder first, index order on ties: deterministic
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -remainders[i]).thenComparingInt(i -> i));
        // floating-point error can leave the floors a few units off in either direction
        int k = 0;
        while (assigned < total) {
            int i = order[k++ % order.length];
            if (weights[i] > 0) {
                parts[i]++;
                assigned++;
            }
        }
        k = order.length - 1;
        while (assigned > total) {
            int i = order[Math.floorMod(k--, order.length)];
            if (parts[i] > 0) {
                parts[i]--;
                assigned--;
            }
        }
        return parts;
    }
}
