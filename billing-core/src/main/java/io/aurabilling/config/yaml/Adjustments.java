package io.aurabilling.config.yaml;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * An OB's {@code adjustments}, applied after pricing in this order: the discount, then
 * the minimum true-up.
 *
 * @param discountPercent {@code discount-percent}, or {@code null}
 * @param minimumAmount {@code minimum-amount}, or {@code null}
 */
public record Adjustments(BigDecimal discountPercent, BigDecimal minimumAmount) {
    /** No adjustment. */
    public static final Adjustments NONE = new Adjustments(null, null);

    /** @return the discount percentage, when configured */
    public Optional<BigDecimal> discount() {
        return Optional.ofNullable(discountPercent);
    }

    /** @return the minimum amount, when configured */
    public Optional<BigDecimal> minimum() {
        return Optional.ofNullable(minimumAmount);
    }
}
