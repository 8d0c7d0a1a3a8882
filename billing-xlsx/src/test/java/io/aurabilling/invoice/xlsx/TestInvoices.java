package io.aurabilling.invoice.xlsx;

import io.aurabilling.invoice.DataQuality;
import io.aurabilling.invoice.Invoice;
import io.aurabilling.invoice.InvoiceCharge;
import io.aurabilling.invoice.InvoiceComponent;
import io.aurabilling.invoice.InvoiceLine;
import io.aurabilling.invoice.Issuer;
import io.aurabilling.invoice.Lineage;
import io.aurabilling.invoice.OperatingBusiness;
import io.aurabilling.invoice.UnknownIds;
import io.aurabilling.pricing.Tier;
import io.aurabilling.usage.BillingPeriod;
import io.aurabilling.usage.InputFile;
import io.aurabilling.usage.UsageCell;
import io.aurabilling.usage.UsageKey;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Invoices built by hand from the contracts' worked examples, and usage cells that match them. */
final class TestInvoices {
    static final String CONFIG_SHA = "3f2a9c0d5e8b7a6f1c4d3e2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f";
    static final String FILE_SHA = "9b74c9897bac770ffc029102a200c5de0b1e8f0a7d6c5b4a3928170615f4e3d2";

    private TestInvoices() {
    }

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    /** The worked example of invoice-json.md: 1 200 345 queries, 1200.35, discount -60.02, total 1140.33. */
    static Invoice workedExample() {
        InvoiceComponent groot = new InvoiceComponent("aura-groot", "Aura Groot", 1_200_345, d("1200.3450"),
                d("1200.35"), List.of(
                new InvoiceLine("mi-vivo", "Meu Vivo", 1_000_000, d("0.001000"), d("1000.0000"), d("1000.00")),
                new InvoiceLine(null, "(unattributed)", 200_345, d("0.001000"), d("200.3450"), d("200.35"))),
                List.of());
        return Invoice.builder()
                .number("LIC-BRA-202610")
                .issuer(new Issuer("Aura Global Team", "Distrito Telefónica, Madrid"))
                .ob(new OperatingBusiness("BRA", "Telefônica Brasil"))
                .period(BillingPeriod.of("2026-10", ZoneId.of("America/Sao_Paulo")))
                .currency(Currency.getInstance("EUR"))
                .model("per-query")
                .components(List.of(groot))
                .adjustments(List.of(new InvoiceCharge("discount-percent", "Discount 5%", d("-60.02"))))
                .totalQueries(1_200_345)
                .totalRequests(987_654)
                .subtotal(d("1200.35"))
                .total(d("1140.33"))
                .dataQuality(new DataQuality(1_201_000, 1_200_345, 0, 0, 0, 655, UnknownIds.NONE, new TreeMap<>()))
                .lineage(new Lineage("0.1.0", CONFIG_SHA, List.of(new InputFile("Aura_Audit", "6",
                        "Aura_Audit/DAY_DT=2026-10-01/part-0.avro", FILE_SHA, 43_210))))
                .build();
    }

    /**
     * Cells of the worked example: every day, Meu Vivo on the web channel (message) and unattributed
     * AI usage with the gpt-4o preset and no channel; plus ESP cells that the BRA invoice must skip.
     */
    static List<UsageCell> workedExampleCells() {
        List<UsageCell> cells = new ArrayList<>();
        for (int day = 1; day <= 31; day++) {
            LocalDate date = LocalDate.of(2026, 10, day);
            long vivo = day < 31 ? 32_258 : 1_000_000 - 30 * 32_258;
            long unattributed = day < 31 ? 6_462 : 200_345 - 30 * 6_462;
            cells.add(new UsageCell(new UsageKey("BRA", date, "aura-groot", "mi-vivo", "web", "message", null), vivo));
            cells.add(new UsageCell(new UsageKey("BRA", date, "aura-groot", null, null, "ai", "gpt-4o"),
                    unattributed));
        }
        cells.add(new UsageCell(new UsageKey("ESP", LocalDate.of(2026, 10, 1), "aura-groot", "mi-movistar", "web",
                "message", null), 777));
        return cells;
    }

    /** A graduated invoice (ESP) with two components, tier breakdowns, unknown ids and unpriced usage. */
    static Invoice graduated() {
        InvoiceComponent groot = new InvoiceComponent("aura-groot", "Aura Groot", 1_500_000, d("1400.0000"),
                d("1400.00"), List.of(
                new InvoiceLine("a1", "App One", 900_000, d("0.0009333333"), d("840.0000000000"), d("840.00")),
                new InvoiceLine("a2", "App Two", 600_000, d("0.0009333333"), d("560.0000000000"), d("560.00"))),
                List.of(Tier.ofRange(1_000_000L, 1_000_000, d("0.0010"), d("1000.0000")),
                        Tier.ofRange(5_000_000L, 500_000, d("0.0008"), d("400.0000")),
                        Tier.ofRange(null, 0, d("0.0006"), d("0.0000"))));
        InvoiceComponent x = new InvoiceComponent("aura-x", "aura-x", 10_000, d("5.0000"), d("5.00"), List.of(
                new InvoiceLine("zz-unknown", "zz-unknown", 10_000, d("0.000500"), d("5.0000"), d("5.00"))),
                List.of(Tier.ofRange(null, 10_000, d("0.0005"), d("5.0000"))));
        UnknownIds unknown = new UnknownIds(new TreeMap<>(Map.of("aura-x", 10_000L)),
                new TreeMap<>(Map.of("zz-unknown", 10_000L)), new TreeMap<>(Map.of("ch-9", 12L)), new TreeMap<>());
        return Invoice.builder()
                .number("LIC-ESP-202610")
                .revision(2)
                .supersedes("LIC-ESP-202610-r1")
                .reason("late Aura_Audit files for 2026-10-30")
                .issuer(new Issuer("Aura Global Team", null))
                .ob(new OperatingBusiness("ESP", "Telefónica España"))
                .period(BillingPeriod.of("2026-10", ZoneId.of("Europe/Madrid")))
                .currency(Currency.getInstance("EUR"))
                .model("graduated")
                .components(List.of(groot, x))
                .totalQueries(1_510_000)
                .totalRequests(1_400_000)
                .subtotal(d("1405.00"))
                .total(d("1405.00"))
                .dataQuality(new DataQuality(1_510_020, 1_510_000, 5, 4, 3, 8, unknown,
                        new TreeMap<>(Map.of("aura-x", 10_000L))))
                .lineage(new Lineage("0.1.0", CONFIG_SHA, List.of(
                        new InputFile("Aura_Audit", "6", "Aura_Audit/DAY_DT=2026-10-02/part-0.avro", FILE_SHA, 20),
                        new InputFile("Aura_Audit", "6", "Aura_Audit/DAY_DT=2026-10-01/part-0.avro", FILE_SHA, 10))))
                .build();
    }

    /** A package invoice in GBP: 1 205 001 queries are 121 packages of 10 000 at 4.50. */
    static Invoice packageGbp() {
        InvoiceComponent groot = new InvoiceComponent("aura-groot", "Aura Groot", 1_205_001, d("544.50"),
                d("544.50"), List.of(new InvoiceLine("o2", "My O2", 1_205_001, d("0.0004518668"),
                d("544.5000000000"), d("544.50"))),
                List.of(Tier.ofPackages(1_205_001, 121, 10_000, d("4.50"), d("544.50"))));
        return simple("LIC-GBR-202610", "GBR", "Virgin Media O2", "Europe/London", "GBP", "package", groot,
                List.of(), d("544.50"), d("544.50"));
    }

    /** A flat-fee invoice: the fee is a fee, the component within its included queries costs 0. */
    static Invoice flatFee() {
        InvoiceComponent groot = new InvoiceComponent("aura-groot", "Aura Groot", 1_500_000, d("0E-10"),
                d("0.00"), List.of(new InvoiceLine("mi-movistar", "Mi Movistar", 1_500_000, d("0.000000"),
                d("0E-10"), d("0.00"))), List.of());
        return simple("LIC-ARG-202610", "ARG", "Telefónica Argentina", "America/Argentina/Buenos_Aires", "EUR",
                "flat-fee", groot, List.of(new InvoiceCharge("flat-fee", "Flat fee", d("2500.00"))),
                d("2500.00"), d("2500.00"));
    }

    /** A JPY invoice (0 minor units): 12 345 queries at ¥0.1 are ¥1,234.5, rounded to ¥1,235. */
    static Invoice yen() {
        InvoiceComponent groot = new InvoiceComponent("aura-groot", "Aura Groot", 12_345, d("1234.5"), d("1235"),
                List.of(new InvoiceLine("app", "App", 12_345, d("0.100000"), d("1234.5"), d("1235"))), List.of());
        return simple("LIC-JPN-202610", "JPN", "Japan Test", "Asia/Tokyo", "JPY", "per-query", groot, List.of(),
                d("1235"), d("1235"));
    }

    /** The worked example's figures in another 2-decimal currency. */
    static Invoice workedExampleIn(String currency) {
        return workedExample().toBuilder().currency(Currency.getInstance(currency)).build();
    }

    private static Invoice simple(String number, String country, String name, String zone, String currency,
                                  String model, InvoiceComponent component, List<InvoiceCharge> fees,
                                  BigDecimal subtotal, BigDecimal total) {
        return Invoice.builder()
                .number(number)
                .issuer(new Issuer("Aura Global Team", null))
                .ob(new OperatingBusiness(country, name))
                .period(BillingPeriod.of("2026-10", ZoneId.of(zone)))
                .currency(Currency.getInstance(currency))
                .model(model)
                .components(List.of(component))
                .fees(fees)
                .totalQueries(component.queries())
                .totalRequests(component.queries())
                .subtotal(subtotal)
                .total(total)
                .dataQuality(new DataQuality(component.queries(), component.queries(), 0, 0, 0, 0, UnknownIds.NONE,
                        new TreeMap<>()))
                .lineage(new Lineage("0.1.0", CONFIG_SHA, List.of()))
                .build();
    }
}
