package io.aurabilling.invoice;

import io.aurabilling.usage.Exclusion;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The data-quality section of one invoice. It covers that OB's rows only, so
 * {@code rowsBilled} equals the invoice's total queries and {@code OTHER_OB} never
 * appears: {@code rowsRead = rowsBilled + missingKey + badTimestamp + outOfPeriod + duplicate}.
 *
 * @param rowsRead rows of the OB read
 * @param rowsBilled rows billed
 * @param missingKey rows excluded as {@link Exclusion#MISSING_KEY}
 * @param badTimestamp rows excluded as {@link Exclusion#BAD_TIMESTAMP}
 * @param outOfPeriod rows excluded as {@link Exclusion#OUT_OF_PERIOD}
 * @param duplicate rows excluded as {@link Exclusion#DUPLICATE}
 * @param unknownIds billed ids missing from their dimension
 * @param unpriced components with usage but no price, billed at 0, with their queries
 */
public record DataQuality(long rowsRead, long rowsBilled, long missingKey, long badTimestamp, long outOfPeriod,
                          long duplicate, UnknownIds unknownIds, SortedMap<String, Long> unpriced) {

    /** Validates the components. */
    public DataQuality {
        requireNonNull(unknownIds, "unknownIds is null");
        unpriced = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(unpriced, "unpriced is null")));
        if (rowsRead != rowsBilled + missingKey + badTimestamp + outOfPeriod + duplicate) {
            throw new IllegalArgumentException("rows read " + rowsRead + " != billed + excluded");
        }
    }

    /**
     * The count of one exclusion listed on invoices.
     *
     * @param exclusion one of {@link Exclusion#PER_INVOICE}
     * @return its row count
     */
    public long excluded(Exclusion exclusion) {
        return switch (exclusion) {
            case MISSING_KEY -> missingKey;
            case BAD_TIMESTAMP -> badTimestamp;
            case OUT_OF_PERIOD -> outOfPeriod;
            case DUPLICATE -> duplicate;
            case OTHER_OB -> 0;
        };
    }
}
