package io.aurabilling.testkit.pricing;

import io.aurabilling.invoice.OperatingBusiness;
import io.aurabilling.pricing.PricingContext;
import io.aurabilling.usage.BillingPeriod;
import io.aurabilling.usage.UsageAggregate;
import io.aurabilling.usage.UsageCell;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One month of usage to price: the invoiced OB, its currency, and the billable cells of
 * every country (the OB's and others', which cost-sharing models need). Cells with the
 * same key are merged and the list is sorted, as a reader would hand them to the engine.
 *
 * @param country the invoiced OB's country code
 * @param currency its invoice currency
 * @param month the billing month (in {@code UTC})
 * @param cells billable cells of every country, merged by key and sorted
 */
public record PricingSample(String country, Currency currency, YearMonth month, List<UsageCell> cells) {

    /** The zone of every sample: periods are calendar months in UTC. */
    public static final ZoneId ZONE = ZoneId.of("UTC");

    /** Validates, merges and sorts the cells. */
    public PricingSample {
        requireNonNull(country, "country is null");
        requireNonNull(currency, "currency is null");
        requireNonNull(month, "month is null");
        UsageAggregate.Builder merged = UsageAggregate.builder();
        for (UsageCell cell : requireNonNull(cells, "cells is null")) {
            merged.addCell(cell.key(), cell.queries());
        }
        cells = merged.build().cells();
    }

    /** @return the billing period of the OB */
    public BillingPeriod period() {
        return new BillingPeriod(month, ZONE);
    }

    /** @return the OB's cells, sorted */
    public List<UsageCell> obCells() {
        return cells.stream().filter(c -> c.country().equals(country)).toList();
    }

    /** @return what the engine hands the model: the OB's cells and every country's */
    public PricingContext context() {
        return new PricingContext(ob(), period(), currency, obCells(), cells);
    }

    /** @return the same month with the OB's own usage removed (other countries keep theirs) */
    public PricingContext contextWithoutObUsage() {
        List<UsageCell> others = new ArrayList<>();
        for (UsageCell c : cells) {
            if (!c.country().equals(country)) {
                others.add(c);
            }
        }
        return new PricingContext(ob(), period(), currency, List.of(), others);
    }

    /** @return the cells as the aggregate a reader would produce (billable rows = queries) */
    public UsageAggregate aggregate() {
        UsageAggregate.Builder builder = UsageAggregate.builder();
        cells.forEach(c -> builder.addCell(c.key(), c.queries()));
        return builder.build();
    }

    /** @return the OB's queries over every component */
    public long obQueries() {
        return obCells().stream().mapToLong(UsageCell::queries).sum();
    }

    private OperatingBusiness ob() {
        return new OperatingBusiness(country, country + " operator");
    }
}
