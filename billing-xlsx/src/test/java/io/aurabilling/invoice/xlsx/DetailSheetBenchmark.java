package io.aurabilling.invoice.xlsx;

import io.aurabilling.invoice.DataQuality;
import io.aurabilling.invoice.Invoice;
import io.aurabilling.invoice.InvoiceComponent;
import io.aurabilling.invoice.InvoiceLine;
import io.aurabilling.invoice.Issuer;
import io.aurabilling.invoice.Lineage;
import io.aurabilling.invoice.OperatingBusiness;
import io.aurabilling.invoice.UnknownIds;
import io.aurabilling.usage.BillingPeriod;
import io.aurabilling.usage.UsageCell;
import io.aurabilling.usage.UsageKey;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Writes a workbook whose Detail sheet has a million usage cells, generated on the fly (never
 * held in memory), and prints the time and the peak heap. Run it with {@code -Xmx128m}; the
 * {@code LargeDetailTest} does so in a forked JVM.
 */
public final class DetailSheetBenchmark {
    private static final String[] SERVICES = {"ai", "message", "nlpaas", "other"};
    private static final int COMPONENTS = 4;
    private static final int APPS = 10;
    private static final int CHANNELS = 5;
    private static final int PRESETS = 41;
    private static final BigDecimal PRICE = new BigDecimal("0.0010");

    private DetailSheetBenchmark() {
    }

    /**
     * Usage cells in {@link UsageKey#ORDER}, generated from their index: day, component, app,
     * channel, service and preset are the digits of a mixed-radix number, most significant first.
     *
     * @param count how many cells
     * @return a list computed on access, read any number of times
     */
    static List<UsageCell> cells(long count) {
        LocalDate[] days = new LocalDate[31];
        for (int d = 0; d < days.length; d++) {
            days[d] = LocalDate.of(2026, 10, d + 1);
        }
        long capacity = 31L * COMPONENTS * APPS * CHANNELS * SERVICES.length * PRESETS;
        if (count > capacity) {
            throw new IllegalArgumentException("at most " + capacity + " cells");
        }
        // computed from the index on every access, so a million cells take no heap
        return new java.util.AbstractList<>() {
            @Override
            public int size() {
                return (int) count;
            }

            @Override
            public UsageCell get(int index) {
                if (index < 0 || index >= count) {
                    throw new IndexOutOfBoundsException(index);
                }
                long n = index;
                int preset = (int) (n % PRESETS);
                n /= PRESETS;
                int service = (int) (n % SERVICES.length);
                n /= SERVICES.length;
                int channel = (int) (n % CHANNELS);
                n /= CHANNELS;
                int app = (int) (n % APPS);
                n /= APPS;
                int component = (int) (n % COMPONENTS);
                n /= COMPONENTS;
                UsageKey key = new UsageKey("BRA", days[(int) n], "aura-c" + component,
                        String.format(Locale.ROOT, "app-%02d", app), "ch-" + channel, SERVICES[service],
                        String.format(Locale.ROOT, "p-%02d", preset));
                return new UsageCell(key, 1 + index % 7);
            }
        };
    }

    /**
     * An invoice that bills exactly the generated cells at 0.0010 per query.
     *
     * @param cells the cells
     * @return the invoice
     */
    static Invoice invoiceFor(Iterable<UsageCell> cells) {
        TreeMap<String, TreeMap<String, Long>> queries = new TreeMap<>();
        for (UsageCell c : cells) {
            queries.computeIfAbsent(c.componentId(), k -> new TreeMap<>()).merge(c.appId(), c.queries(), Long::sum);
        }
        List<InvoiceComponent> components = new ArrayList<>();
        long total = 0;
        BigDecimal subtotal = BigDecimal.ZERO;
        for (var component : queries.entrySet()) {
            List<InvoiceLine> lines = new ArrayList<>();
            long q = 0;
            BigDecimal amount = BigDecimal.ZERO;
            BigDecimal exact = BigDecimal.ZERO;
            for (var app : component.getValue().entrySet()) {
                BigDecimal lineExact = PRICE.multiply(BigDecimal.valueOf(app.getValue()));
                BigDecimal lineAmount = lineExact.setScale(2, RoundingMode.HALF_UP);
                lines.add(new InvoiceLine(app.getKey(), app.getKey(), app.getValue(), new BigDecimal("0.001000"),
                        lineExact, lineAmount));
                q += app.getValue();
                amount = amount.add(lineAmount);
                exact = exact.add(lineExact);
            }
            components.add(new InvoiceComponent(component.getKey(), component.getKey(), q, exact, amount, lines,
                    List.of()));
            total += q;
            subtotal = subtotal.add(amount);
        }
        return Invoice.builder()
                .number("LIC-BRA-202610")
                .issuer(new Issuer("Aura Global Team", null))
                .ob(new OperatingBusiness("BRA", "Telefônica Brasil"))
                .period(BillingPeriod.of("2026-10", ZoneId.of("America/Sao_Paulo")))
                .currency(Currency.getInstance("EUR"))
                .model("per-query")
                .components(components)
                .totalQueries(total)
                .totalRequests(total)
                .subtotal(subtotal)
                .total(subtotal)
                .dataQuality(new DataQuality(total, total, 0, 0, 0, 0, UnknownIds.NONE, new TreeMap<>()))
                .lineage(new Lineage("0.1.0", TestInvoices.CONFIG_SHA, List.of()))
                .build();
    }

    /**
     * Writes the workbook and prints one line: cells, seconds, peak heap, maximum heap, file size.
     *
     * @param args number of cells (default 1 000 000) and the output file (default a temporary file)
     * @throws IOException when writing fails
     */
    public static void main(String[] args) throws IOException {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        Path file = args.length > 1 ? Path.of(args[1]) : Files.createTempFile("detail-benchmark-", ".xlsx");
        List<UsageCell> cells = cells(count);
        Invoice invoice = invoiceFor(cells);
        long start = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            new XlsxInvoiceWriter().write(invoice, cells, out);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "cells=%d seconds=%.1f peakHeapMiB=%d maxHeapMiB=%d fileBytes=%d%n",
                count, seconds, peak >> 20, Runtime.getRuntime().maxMemory() >> 20, Files.size(file));
        if (args.length <= 1) {
            Files.delete(file);
        }
    }
}
