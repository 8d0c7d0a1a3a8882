package io.aurabilling.spark;

import io.aurabilling.usage.Dimensions;
import io.aurabilling.usage.UsageAggregate;

import static java.util.Objects.requireNonNull;

/**
 * What a Spark read of a month produced.
 *
 * @param usage cells, row accounting, requests and lineage (the same as the embedded reader's on the same files)
 * @param dimensions the dimension names (latest snapshot of each)
 * @param filesPruned {@code Aura_Audit} files not read because their {@code DAY_DT} folder is outside the period's margin
 */
public record SparkRead(UsageAggregate usage, Dimensions dimensions, long filesPruned) {
    /** Validates the components. */
    public SparkRead {
        requireNonNull(usage, "usage is null");
        requireNonNull(dimensions, "dimensions is null");
    }
}
