package io.aurabilling.engine;

import io.aurabilling.invoice.Invoice;
import io.aurabilling.usage.RowAccounting;
import io.aurabilling.usage.UsageAggregate;

import java.time.YearMonth;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The result of one billing run: the invoices (sorted by OB) and the run's row
 * accounting, where every row read is billed or excluded with a reason
 * ({@code rows().read() = billed + the five exclusions}).
 *
 * @param month the billing month
 * @param invoices one invoice per OB invoiced, sorted by country code
 * @param rows the row accounting of the whole run (rows of OBs not invoiced are {@code OTHER_OB})
 * @param usage the aggregate the invoices were computed from
 */
public record BillingRun(YearMonth month, List<Invoice> invoices, RowAccounting rows, UsageAggregate usage) {
    /** Validates and copies the components. */
    public BillingRun {
        requireNonNull(month, "month is null");
        invoices = List.copyOf(invoices);
        requireNonNull(rows, "rows is null");
        requireNonNull(usage, "usage is null");
    }

    /**
     * The invoice of one OB.
     *
     * @param country the OB's code
     * @return the invoice
     * @throws IllegalArgumentException when the OB was not invoiced in this run
     */
    public Invoice invoice(String country) {
        return invoices.stream().filter(i -> i.ob().country().equals(country)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no invoice for " + country + " in this run"));
    }
}
