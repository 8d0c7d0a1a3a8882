package io.aurabilling.pricing;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * A cost shared among countries in proportion to their queries. The engine gives each
 * country its largest-remainder share of the pool in minor units (ties: country code
 * order), so that the shares of all countries add up to the pool exactly.
 *
 * @param pool the amount to share, in the invoice currency, at most its minor-unit scale
 * @param queriesByCountry billable queries of every country that used the component
 */
public record CostShare(BigDecimal pool, SortedMap<String, Long> queriesByCountry) {
    /** Validates and copies the components. */
    public CostShare {
        requireNonNull(pool, "pool is null");
        queriesByCountry = Collections.unmodifiableSortedMap(new TreeMap<>(queriesByCountry));
    }

    /** @return the sum of every country's queries */
    public long totalQueries() {
        return queriesByCountry.values().stream().mapToLong(Long::longValue).sum();
    }
}
