package io.aurabilling.store;

import io.aurabilling.invoice.DataQuality;
import io.aurabilling.invoice.Invoice;
import io.aurabilling.invoice.InvoiceCharge;
import io.aurabilling.invoice.InvoiceWriter;
import io.aurabilling.invoice.Issuer;
import io.aurabilling.invoice.Lineage;
import io.aurabilling.invoice.OperatingBusiness;
import io.aurabilling.invoice.UnknownIds;
import io.aurabilling.usage.BillingPeriod;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.TreeMap;

/** Invoices and a stand-in XLSX writer for the store tests (shared with billing-azure through the test-jar). */
public final class StoreFixtures {
    private StoreFixtures() {
    }

    /**
     * A small invoice whose only charge is a flat fee.
     *
     * @param country the OB code
     * @param month the period, {@code YYYY-MM}
     * @param total the fee and total, e.g. {@code 1234.50}
     * @return the invoice (revision 1)
     */
    public static Invoice invoice(String country, String month, String total) {
        YearMonth ym = YearMonth.parse(month);
        BigDecimal amount = new BigDecimal(total);
        return Invoice.builder()
                .number("LIC-" + country + "-" + month.replace("-", ""))
                .issuer(new Issuer("Aura Global Team", null))
                .ob(new OperatingBusiness(country, country + " operator"))
                .period(new BillingPeriod(ym, ZoneId.of("Europe/Madrid")))
                .currency(Currency.getInstance("EUR"))
                .model("flat")
                .fees(List.of(new InvoiceCharge("flat-fee", "Monthly fee", amount)))
                .subtotal(amount).total(amount)
                .dataQuality(new DataQuality(0, 0, 0, 0, 0, 0, UnknownIds.NONE, new TreeMap<>()))
                .lineage(new Lineage("0.1.0-test", "0".repeat(64), List.of()))
                .build();
    }

    /**
     * A stand-in for the XLSX writer: deterministic text with every field an XLSX shows
     * that matters here (number, revision, supersedes, reason, total).
     */
    public static final class FakeXlsxWriter implements InvoiceWriter {
        @Override
        public String name() {
            return "xlsx";
        }

        @Override
        public String fileExtension() {
            return "xlsx";
        }

        @Override
        public String mediaType() {
            return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        }

        @Override
        public void write(Invoice invoice, OutputStream out) throws IOException {
            String text = "XLSX " + invoice.number() + " r" + invoice.revision() + " supersedes=" + invoice.supersedes()
                    + " reason=" + invoice.reason() + " total=" + invoice.total().toPlainString() + "\n";
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
