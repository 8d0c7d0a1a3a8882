package io.aurabilling.pricing;

import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/**
 * A charge that belongs to no component (e.g. the {@code flat-fee} model's fee). The
 * engine rounds it on its own.
 *
 * @param kind machine-readable kind, e.g. {@code flat-fee}
 * @param description what a person reads
 * @param exactAmount the unrounded amount
 */
public record FeeCharge(String kind, String description, BigDecimal exactAmount) {
    /** Validates the components. */
    public FeeCharge {
        requireNonNull(kind, "kind is null");
        requireNonNull(description, "description is null");
        requireNonNull(exactAmount, "exactAmount is null");
    }
}
