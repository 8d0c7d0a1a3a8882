package io.aurabilling.invoice;

import java.math.BigDecimal;

import static java.util.Objects.requireNonNull;

/**
 * One line of a component: the usage of one app.
 *
 * @param appId the app id, or {@code null} for unattributed usage
 * @param appName the app's name, {@code (unattributed)} for a null app, the raw id when unknown
 * @param queries billed queries of the app for the component
 * @param unitPrice shown unit price: exact amount / queries, 10 decimals, at least 6 shown
 * @param exactAmount the unrounded amount, kept for audit
 * @param amount the amount in the currency's minor units (largest-remainder share of the component)
 */
public record InvoiceLine(String appId, String appName, long queries, BigDecimal unitPrice,
                          BigDecimal exactAmount, BigDecimal amount) {
    /** Validates the components. */
    public InvoiceLine {
        requireNonNull(appName, "appName is null");
        requireNonNull(unitPrice, "unitPrice is null");
        requireNonNull(exactAmount, "exactAmount is null");
        requireNonNull(amount, "amount is null");
    }
}
