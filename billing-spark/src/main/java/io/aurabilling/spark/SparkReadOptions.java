package io.aurabilling.spark;

/**
 * Limits of a Spark read.
 *
 * @param maxCells the most aggregated groups (usage cells plus a few excluded-row groups per country) the driver
 *                 collects; more fails the run with a clear message instead of exhausting the driver's memory
 * @param lineageThreads driver threads hashing input files for lineage
 */
public record SparkReadOptions(long maxCells, int lineageThreads) {
    /** The default limit on collected groups. */
    public static final long DEFAULT_MAX_CELLS = 5_000_000L;

    /** Validates the components. */
    public SparkReadOptions {
        if (maxCells < 1) {
            throw new IllegalArgumentException("maxCells must be positive: " + maxCells);
        }
        if (lineageThreads < 1) {
            throw new IllegalArgumentException("lineageThreads must be positive: " + lineageThreads);
        }
    }

    /** @return 5,000,000 groups, 4 lineage threads */
    public static SparkReadOptions defaults() {
        return new SparkReadOptions(DEFAULT_MAX_CELLS, 4);
    }

    /**
     * @param value the new limit
     * @return a copy with that limit on collected groups
     */
    public SparkReadOptions withMaxCells(long value) {
        return new SparkReadOptions(value, lineageThreads);
    }
}
