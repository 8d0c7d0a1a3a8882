package io.aurabilling.engine;

import java.time.YearMonth;

/** Invoice numbers: {@code <prefix>-<OB>-<YYYYMM>}, e.g. {@code LIC-BRA-202610}. */
public final class InvoiceNumber {
    private InvoiceNumber() {
    }

    /**
     * The number of an OB's invoice for a month.
     *
     * @param prefix the configured prefix ({@code invoice.prefix}, default {@code LIC})
     * @param country the OB's code
     * @param month the period
     * @return the invoice number
     */
    public static String of(String prefix, String country, YearMonth month) {
        return prefix + "-" + country + "-" + String.format(java.util.Locale.ROOT, "%04d%02d", month.getYear(), month.getMonthValue());
    }
}
