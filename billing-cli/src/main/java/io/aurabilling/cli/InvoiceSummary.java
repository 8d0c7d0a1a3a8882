package io.aurabilling.cli;

import io.aurabilling.invoice.Invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static java.util.Objects.requireNonNull;

/**
 * The one-line summary of an invoice on stdout, e.g.
 * {@code BRA LIC-BRA-202610 r1 queries=1200345 requests=987654 total=1140.33 EUR stored invoices/ob=BRA/…-r1.json}.
 *
 * @param ob the OB code
 * @param number the invoice number
 * @param revision the revision, or 0 when none applies (a dry run)
 * @param queries billed queries
 * @param requests billed requests
 * @param total the total in the currency's minor units
 * @param currency the ISO 4217 code
 */
public record InvoiceSummary(String ob, String number, int revision, long queries, long requests, BigDecimal total,
                             String currency) {
    /** Validates the components. */
    public InvoiceSummary {
        requireNonNull(ob, "ob is null");
        requireNonNull(number, "number is null");
        requireNonNull(total, "total is null");
        requireNonNull(currency, "currency is null");
    }

    /**
     * The summary of an invoice.
     *
     * @param invoice the invoice
     * @param revision the revision stored or found, or 0 for none
     * @return the summary
     */
    public static InvoiceSummary of(Invoice invoice, int revision) {
        // invoices are already rounded to minor units; the scale only fixes how many digits are printed
        BigDecimal total = invoice.total().setScale(Math.max(0, invoice.currency().getDefaultFractionDigits()),
                RoundingMode.HALF_EVEN);
        return new InvoiceSummary(invoice.ob().country(), invoice.number(), revision, invoice.totalQueries(),
                invoice.totalRequests(), total, invoice.currency().getCurrencyCode());
    }

    /**
     * The line.
     *
     * @param outcome what happened, e.g. {@code stored invoices/ob=BRA/period=2026-10/LIC-BRA-202610-r1.json}
     *                or {@code unchanged …}
     * @return the line
     */
    public String line(String outcome) {
        return ob + " " + number + (revision > 0 ? " r" + revision : "") + " queries=" + queries + " requests="
                + requests + " total=" + total.toPlainString() + " " + currency + " " + outcome;
    }
}
