package io.aurabilling.pricing;

import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/**
 * The exact amount of one app within a component, for models that price cell by cell
 * ({@code per-query}): a line's exact amount is then the sum of its cells'.
 *
 * @param appId the app id, or {@code null} for unattributed usage
 * @param exactAmount the unrounded amount
 */
public record AppCharge(String appId, BigDecimal exactAmount) {
    /** Validates the components. */
    public AppCharge {
        requireNonNull(exactAmount, "exactAmount is null");
    }
}
