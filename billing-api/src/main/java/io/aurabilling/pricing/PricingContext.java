package io.aurabilling.pricing;

import io.aurabilling.invoice.OperatingBusiness;
import io.aurabilling.usage.BillingPeriod;
import io.aurabilling.usage.UsageCell;

import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * What a model sees: the OB, its period and currency, its own billed cells, and the
 * billable cells of <em>every</em> country in the data (invoiced in this run or not),
 * which cost-sharing models need.
 *
 * @param ob the OB being priced
 * @param period its billing period
 * @param currency its invoice currency
 * @param cells the OB's billed cells, sorted
 * @param allCells billable cells of every country, sorted
 */
public record PricingContext(OperatingBusiness ob, BillingPeriod period, Currency currency,
                             List<UsageCell> cells, List<UsageCell> allCells) {

    /** Validates and copies the components. */
    public PricingContext {
        requireNonNull(ob, "ob is null");
        requireNonNull(period, "period is null");
        requireNonNull(currency, "currency is null");
        cells = List.copyOf(cells);
        allCells = List.copyOf(allCells);
    }

    /** @return the OB's queries per component, sorted by component id */
    public SortedMap<String, Long> componentQueries() {
        SortedMap<String, Long> map = new TreeMap<>();
        for (UsageCell c : cells) {
            map.merge(c.componentId(), c.queries(), Long::sum);
        }
        return map;
    }

    /**
     * The OB's cells of one component.
     *
     * @param componentId the component
     * @return its cells, sorted
     */
    public List<UsageCell> cellsOf(String componentId) {
        List<UsageCell> list = new ArrayList<>();
        for (UsageCell c : cells) {
            if (c.componentId().equals(componentId)) {
                list.add(c);
            }
        }
        return list;
    }

    /**
     * Billable queries of one component per country, over every country in the data.
     *
     * @param componentId the component
     * @return country to queries, sorted by country code; countries without queries are absent
     */
    public SortedMap<String, Long> queriesByCountry(String componentId) {
        SortedMap<String, Long> map = new TreeMap<>();
        for (UsageCell c : allCells) {
            if (c.componentId().equals(componentId) && c.queries() > 0) {
                map.merge(c.country(), c.queries(), Long::sum);
            }
        }
        return map;
    }
}
