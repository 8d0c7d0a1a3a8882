package io.aurabilling.invoice.xlsx;

import io.aurabilling.invoice.Invoice;
import io.aurabilling.invoice.InvoiceComponent;
import io.aurabilling.usage.UsageCell;
import io.aurabilling.usage.UsageKey;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * A first pass over the usage cells handed to the writer: queries per day per component for
 * the Usage-by-day sheet, and queries per Detail sheet for its total. It also checks that the
 * cells are the invoice's own (in order, in the period, adding up to the invoice's queries), so
 * the workbook never shows figures that disagree with the Invoice sheet.
 */
final class DailyUsage {
    private final SortedMap<LocalDate, SortedMap<String, Long>> byDay;
    private final SortedMap<String, Long> byComponent;
    private final long rows;
    private final List<Long> queriesPerSheet;

    private DailyUsage(SortedMap<LocalDate, SortedMap<String, Long>> byDay, SortedMap<String, Long> byComponent,
                       long rows, List<Long> queriesPerSheet) {
        this.byDay = byDay;
        this.byComponent = byComponent;
        this.rows = rows;
        this.queriesPerSheet = queriesPerSheet;
    }

    /**
     * Reads the invoice OB's cells once (cells of other countries are skipped).
     *
     * @param invoice the invoice
     * @param cells the cells, in {@link UsageKey#ORDER}
     * @param rowsPerSheet how many cells one Detail sheet holds
     * @return the daily usage
     * @throws IllegalArgumentException when the cells are out of order, outside the period, or do
     *                                  not add up to the invoice's queries per component
     */
    static DailyUsage of(Invoice invoice, Iterable<UsageCell> cells, int rowsPerSheet) {
        requireNonNull(invoice, "invoice is null");
        requireNonNull(cells, "cells is null");
        String country = invoice.ob().country();
        YearMonth month = invoice.period().month();
        SortedMap<LocalDate, SortedMap<String, Long>> byDay = new TreeMap<>();
        SortedMap<String, Long> byComponent = new TreeMap<>();
        List<Long> perSheet = new ArrayList<>();
        long rows = 0;
        UsageKey previous = null;
        for (UsageCell cell : cells) {
            requireNonNull(cell, "usage cell is null");
            if (!cell.country().equals(country)) {
                continue;
            }
            UsageKey key = cell.key();
            if (previous != null && UsageKey.ORDER.compare(previous, key) >= 0) {
                throw new IllegalArgumentException("usage cells for invoice " + invoice.number()
                        + " must be in UsageKey order without repeated keys, but cell " + (rows + 1) + " " + key
                        + " follows " + previous + "; hand over UsageAggregate.cells() as they are");
            }
            if (!YearMonth.from(key.day()).equals(month)) {
                throw new IllegalArgumentException("usage cell " + key + " is outside the period "
                        + month + " of invoice " + invoice.number());
            }
            previous = key;
            byDay.computeIfAbsent(key.day(), d -> new TreeMap<>()).merge(key.componentId(), cell.queries(), Long::sum);
            byComponent.merge(key.componentId(), cell.queries(), Long::sum);
            int sheet = (int) (rows / rowsPerSheet);
            if (sheet == perSheet.size()) {
                perSheet.add(0L);
            }
            perSheet.set(sheet, perSheet.get(sheet) + cell.queries());
            rows++;
        }
        SortedMap<String, Long> invoiced = new TreeMap<>();
        for (InvoiceComponent c : invoice.components()) {
            invoiced.put(c.componentId(), c.queries());
        }
        SortedMap<String, Long> used = new TreeMap<>(byComponent);
        used.values().removeIf(q -> q == 0L);
        if (!used.equals(invoiced)) {
            throw new IllegalArgumentException("usage cells of " + country + " for invoice " + invoice.number()
                    + " add up to " + used + " queries per component, but the invoice bills " + invoiced
                    + "; hand over the cells the invoice was priced from");
        }
        return new DailyUsage(byDay, byComponent, rows, Collections.unmodifiableList(perSheet));
    }

    /** @return queries per day per component id, days and ids sorted */
    SortedMap<LocalDate, SortedMap<String, Long>> byDay() {
        return Collections.unmodifiableSortedMap(byDay);
    }

    /** @return queries per component id over the period */
    SortedMap<String, Long> byComponent() {
        return Collections.unmodifiableSortedMap(byComponent);
    }

    /** @return the number of the OB's cells (rows of the Detail sheets) */
    long rows() {
        return rows;
    }

    /** @return queries on each Detail sheet, in order */
    List<Long> queriesPerSheet() {
        return queriesPerSheet;
    }
}
