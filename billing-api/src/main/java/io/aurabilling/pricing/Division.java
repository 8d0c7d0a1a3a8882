package io.aurabilling.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one division of the money path: every division (a line's share, a cost-sharing
 * share, a flat-fee overage fraction, a percentage) is taken to {@value #SCALE}
 * decimals, {@code HALF_UP}, and that result is what later steps use.
 */
public final class Division {
    /** Decimals kept by every division in the money path. */
    public static final int SCALE = 10;

    private Division() {
    }

    /**
     * Divides to {@value #SCALE} decimals, {@code HALF_UP}.
     *
     * @param dividend the dividend
     * @param divisor the divisor, not zero
     * @return the quotient
     */
    public static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, SCALE, RoundingMode.HALF_UP);
    }

    /**
     * {@code amount × part / whole} as one division to {@value #SCALE} decimals.
     *
     * @param amount the amount to share
     * @param part the share's weight
     * @param whole the total weight, not zero
     * @return the share
     */
    public static BigDecimal share(BigDecimal amount, long part, long whole) {
        return divide(amount.multiply(BigDecimal.valueOf(part)), BigDecimal.valueOf(whole));
    }
}
