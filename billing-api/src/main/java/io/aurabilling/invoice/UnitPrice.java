package io.aurabilling.invoice;

import io.aurabilling.pricing.Division;

import java.math.BigDecimal;

/**
 * How unit prices are shown: to {@value Division#SCALE} decimals, trailing zeros
 * removed but never below {@value #MIN_DECIMALS} decimals ({@code 0.0010} shows as
 * {@code 0.001000}, {@code 0.0003333333} as itself).
 */
public final class UnitPrice {
    /** Unit prices never show fewer decimals than this. */
    public static final int MIN_DECIMALS = 6;

    private UnitPrice() {
    }

    /**
     * A line's shown unit price: exact amount / queries, 10 decimals HALF_UP, then shown.
     *
     * @param exactAmount the line's exact amount
     * @param queries the line's queries
     * @return the unit price as shown; {@code 0.000000} for 0 queries
     */
    public static BigDecimal ofLine(BigDecimal exactAmount, long queries) {
        if (queries == 0) {
            return BigDecimal.ZERO.setScale(MIN_DECIMALS);
        }
        return shown(Division.divide(exactAmount, BigDecimal.valueOf(queries)));
    }

    /**
     * A configured price written like a line's unit price.
     *
     * @param price the price
     * @return the price with trailing zeros removed, at least {@value #MIN_DECIMALS} decimals
     */
    public static BigDecimal shown(BigDecimal price) {
        BigDecimal stripped = price.stripTrailingZeros();
        return stripped.scale() < MIN_DECIMALS ? stripped.setScale(MIN_DECIMALS) : stripped;
    }
}
