package io.aurabilling.pricing;

import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/**
 * One row of a component's tier breakdown on the invoice.
 *
 * <p>Graduated and volume: every configured tier in order, with the queries that fall
 * in it (volume: all queries in the tier reached, 0 elsewhere). Package: one entry with
 * the number of packages and their size; {@code upTo} is then {@code null}.
 *
 * @param upTo the tier's inclusive upper bound, {@code null} for the last tier or a package
 * @param queries queries priced in this tier
 * @param unitPrice the configured price (per query, or per package)
 * @param exactAmount the tier's exact amount
 * @param packages packages started (package model), else {@code null}
 * @param size queries per package (package model), else {@code null}
 */
public record Tier(Long upTo, long queries, BigDecimal unitPrice, BigDecimal exactAmount, Long packages, Long size) {
    /** Validates the components. */
    public Tier {
        requireNonNull(unitPrice, "unitPrice is null");
        requireNonNull(exactAmount, "exactAmount is null");
    }

    /**
     * A graduated or volume tier.
     *
     * @param upTo inclusive upper bound, or {@code null} for the last tier
     * @param queries queries in the tier
     * @param unitPrice price per query
     * @param exactAmount exact amount of the tier
     * @return the tier
     */
    public static Tier ofRange(Long upTo, long queries, BigDecimal unitPrice, BigDecimal exactAmount) {
        return new Tier(upTo, queries, unitPrice, exactAmount, null, null);
    }

    /**
     * A package entry.
     *
     * @param queries queries of the component
     * @param packages packages started
     * @param size queries per package
     * @param packagePrice price of one package
     * @param exactAmount packages × price
     * @return the entry
     */
    public static Tier ofPackages(long queries, long packages, long size, BigDecimal packagePrice, BigDecimal exactAmount) {
        return new Tier(null, queries, packagePrice, exactAmount, packages, size);
    }

    /** @return whether this is a package entry */
    public boolean isPackage() {
        return packages != null;
    }
}
