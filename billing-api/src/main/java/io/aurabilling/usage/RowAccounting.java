package io.aurabilling.usage;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where the rows read went: billed, or excluded with a reason. {@code read() = billed +
 * all exclusions} always holds.
 *
 * <p>In a {@link UsageAggregate} (before anyone knows which OBs a run invoices),
 * {@code billed} counts the <em>billable</em> rows (rules 1-4 passed) and
 * {@code otherOb} is 0; the engine moves the rows of OBs it does not invoice to
 * {@code otherOb}.
 *
 * @param billed rows billed (or billable, in an aggregate)
 * @param missingKey {@link Exclusion#MISSING_KEY} rows
 * @param badTimestamp {@link Exclusion#BAD_TIMESTAMP} rows
 * @param outOfPeriod {@link Exclusion#OUT_OF_PERIOD} rows
 * @param duplicate {@link Exclusion#DUPLICATE} rows
 * @param otherOb {@link Exclusion#OTHER_OB} rows
 */
public record RowAccounting(long billed, long missingKey, long badTimestamp, long outOfPeriod,
                            long duplicate, long otherOb) {

    /** No rows. */
    public static final RowAccounting EMPTY = new RowAccounting(0, 0, 0, 0, 0, 0);

    /** Validates that no count is negative. */
    public RowAccounting {
        if (billed < 0 || missingKey < 0 || badTimestamp < 0 || outOfPeriod < 0 || duplicate < 0 || otherOb < 0) {
            throw new IllegalArgumentException("negative row count");
        }
    }

    /** @return every row counted: billed plus every exclusion */
    public long read() {
        return billed + missingKey + badTimestamp + outOfPeriod + duplicate + otherOb;
    }

    /**
     * The count of one exclusion.
     *
     * @param exclusion the reason
     * @return its row count
     */
    public long excluded(Exclusion exclusion) {
        return switch (exclusion) {
            case MISSING_KEY -> missingKey;
            case BAD_TIMESTAMP -> badTimestamp;
            case OUT_OF_PERIOD -> outOfPeriod;
            case DUPLICATE -> duplicate;
            case OTHER_OB -> otherOb;
        };
    }

    /** @return every exclusion with its count, in rule order */
    public Map<Exclusion, Long> exclusions() {
        Map<Exclusion, Long> map = new EnumMap<>(Exclusion.class);
        for (Exclusion e : Exclusion.values()) {
            map.put(e, excluded(e));
        }
        return map;
    }

    /**
     * Adds rows to one exclusion.
     *
     * @param exclusion the reason
     * @param rows how many rows
     * @return the new accounting
     */
    public RowAccounting plus(Exclusion exclusion, long rows) {
        return switch (exclusion) {
            case MISSING_KEY -> new RowAccounting(billed, missingKey + rows, badTimestamp, outOfPeriod, duplicate, otherOb);
            case BAD_TIMESTAMP -> new RowAccounting(billed, missingKey, badTimestamp + rows, outOfPeriod, duplicate, otherOb);
            case OUT_OF_PERIOD -> new RowAccounting(billed, missingKey, badTimestamp, outOfPeriod + rows, duplicate, otherOb);
            case DUPLICATE -> new RowAccounting(billed, missingKey, badTimestamp, outOfPeriod, duplicate + rows, otherOb);
            case OTHER_OB -> new RowAccounting(billed, missingKey, badTimestamp, outOfPeriod, duplicate, otherOb + rows);
        };
    }

    /**
     * Adds two accountings field by field.
     *
     * @param other the other accounting
     * @return the sum
     */
    public RowAccounting plus(RowAccounting other) {
        return new RowAccounting(billed + other.billed, missingKey + other.missingKey,
                badTimestamp + other.badTimestamp, outOfPeriod + other.outOfPeriod,
                duplicate + other.duplicate, otherOb + other.otherOb);
    }

    /** @return the same rows with billed ones moved to {@link Exclusion#OTHER_OB} */
    public RowAccounting asOtherOb() {
        return new RowAccounting(0, missingKey, badTimestamp, outOfPeriod, duplicate, otherOb + billed);
    }

    /** @return the summary line of the CLI contract: {@code rows read=N billed=N MISSING_KEY=N …} */
    public String summaryLine() {
        return "rows read=" + read() + " billed=" + billed + " MISSING_KEY=" + missingKey
                + " BAD_TIMESTAMP=" + badTimestamp + " OUT_OF_PERIOD=" + outOfPeriod
                + " DUPLICATE=" + duplicate + " OTHER_OB=" + otherOb;
    }
}
