package io.aurabilling.dataset.synthetic;

/**
 * A categorical distribution sampled in O(1) through a 4096-entry lookup table built
 * from the weights by the largest-remainder method (a quantisation of 1/4096 is plenty
 * for synthetic traffic, and it keeps the hot path to one shift and one array read).
 */
final class Categorical {
    private static final int BITS = 12;
    private static final int SIZE = 1 << BITS;

    private final int[] table = new int[SIZE];

    /**
     * Builds the table.
     *
     * @param weights non-negative weights, at least one positive
     */
    Categorical(double[] weights) {
        long[] slots = Allocation.largestRemainder(weights, SIZE);
        int pos = 0;
        for (int i = 0; i < slots.length; i++) {
            for (long k = 0; k < slots[i]; k++) {
                table[pos++] = i;
            }
        }
    }

    /**
     * Draws one category.
     *
     * @param random the generator
     * @return the index of the category
     */
    int sample(SplitMix64 random) {
        return table[(int) (random.nextLong() >>> (64 - BITS))];
    }
}
