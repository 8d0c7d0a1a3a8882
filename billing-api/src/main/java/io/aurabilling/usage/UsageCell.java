package io.aurabilling.usage;

import static java.util.Objects.requireNonNull;

/**
 * A usage cell: a key and the number of queries (rows) that fall in it. Everything
 * downstream of reading (pricing, invoices, workbooks) works from cells, never from
 * raw rows.
 *
 * @param key the cell's key
 * @param queries the number of billable queries, at least 1
 */
public record UsageCell(UsageKey key, long queries) implements Comparable<UsageCell> {

    /** Validates the components. */
    public UsageCell {
        requireNonNull(key, "key is null");
        if (queries < 0) {
            throw new IllegalArgumentException("queries is negative: " + queries);
        }
    }

    /** @return the country of the cell */
    public String country() {
        return key.country();
    }

    /** @return the component of the cell */
    public String componentId() {
        return key.componentId();
    }

    /** @return the app of the cell, or {@code null} */
    public String appId() {
        return key.appId();
    }

    @Override
    public int compareTo(UsageCell other) {
        return key.compareTo(other.key);
    }
}
