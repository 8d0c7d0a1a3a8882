package io.aurabilling.dataset;

import io.aurabilling.usage.Dimensions;
import io.aurabilling.usage.UsageAggregate;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The result of {@link AuraDatasets#read}.
 *
 * @param usage the month's usage cells, row accounting, requests and lineage (Aura_Audit and dimension files)
 * @param dimensions the dimension names
 * @param skipped files skipped as unreadable (only with {@link ReadOptions#skipBadFiles()}), in path order
 * @param filesPruned Aura_Audit files not read because their {@code DAY_DT} folder is outside the month's margin
 */
public record DatasetRead(UsageAggregate usage, Dimensions dimensions, List<SkippedFile> skipped, long filesPruned) {
    /** Validates and copies the components. */
    public DatasetRead {
        requireNonNull(usage, "usage is null");
        requireNonNull(dimensions, "dimensions is null");
        skipped = List.copyOf(requireNonNull(skipped, "skipped is null"));
    }
}
