package io.aurabilling.pricing.builtin;

import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/**
 * One configured tier: queries up to and including {@code upTo} (after the previous tier)
 * at {@code price} each.
 *
 * @param upTo the inclusive upper bound, or {@code null} for the last tier
 * @param price the price of one query, ≥ 0, with its configured scale
 */
public record TierStep(Long upTo, BigDecimal price) {
    /** Validates the components. */
    public TierStep {
        requireNonNull(price, "price is null");
        if (upTo != null && upTo <= 0) {
            throw new IllegalArgumentException("upTo must be > 0: " + upTo);
        }
        if (price.signum() < 0) {
            throw new IllegalArgumentException("price is negative: " + price.toPlainString());
        }
    }
}
