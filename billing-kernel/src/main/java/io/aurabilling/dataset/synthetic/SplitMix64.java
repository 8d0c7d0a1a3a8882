package io.aurabilling.dataset.synthetic;

/**
 * The SplitMix64 generator: a tiny, fast, fully specified pseudo-random sequence.
 * Implemented here (rather than {@link java.util.SplittableRandom}) so that the generated
 * datasets stay byte-identical whatever the JDK.
 */
final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    /**
     * Creates a generator.
     *
     * @param seed the initial state
     */
    SplitMix64(long seed) {
        this.state = seed;
    }

    /**
     * Mixes a value into a well-spread 64-bit hash (the SplitMix64 finaliser).
     *
     * @param z the value
     * @return its hash
     */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * Derives an independent seed from a parent seed and a stream number.
     *
     * @param seed the parent seed
     * @param stream the stream (e.g. an epoch day)
     * @return the derived seed
     */
    static long derive(long seed, long stream) {
        return mix(mix(seed + GOLDEN_GAMMA) ^ (stream * GOLDEN_GAMMA + 0x632BE59BD9B4E019L));
    }

    /** @return the next 64 random bits */
    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /**
     * A uniform int in {@code [0, bound)} (multiply-shift; the bias is below 2^-32 for our bounds).
     *
     * @param bound the exclusive upper bound, positive
     * @return the value
     */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /**
     * A uniform long in {@code [0, bound)}.
     *
     * @param bound the exclusive upper bound, positive
     * @return the value
     */
    long nextLong(long bound) {
        return Math.floorMod(nextLong(), bound);
    }

    /** @return a uniform double in {@code [0, 1)} */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
