package io.aurabilling.invoice;

import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/**
 * A fee or an adjustment: an amount that belongs to no component.
 *
 * @param kind machine-readable kind, e.g. {@code flat-fee}, {@code discount-percent}, {@code minimum-amount}
 * @param description what a person reads, e.g. {@code Discount 5%}
 * @param amount the rounded amount (negative for a discount)
 */
public record InvoiceCharge(String kind, String description, BigDecimal amount) {
    /** Validates the components. */
    public InvoiceCharge {
        requireNonNull(kind, "kind is null");
        requireNonNull(description, "description is null");
        requireNonNull(amount, "amount is null");
    }
}
