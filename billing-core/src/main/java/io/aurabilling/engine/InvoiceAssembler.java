package io.aurabilling.engine;

import io.aurabilling.ConfigurationException;
import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.config.yaml.ObSettings;
import io.aurabilling.config.yaml.UnpricedPolicy;
import io.aurabilling.invoice.DataQuality;
import io.aurabilling.invoice.Invoice;
import io.aurabilling.invoice.InvoiceCharge;
import io.aurabilling.invoice.InvoiceComponent;
import io.aurabilling.invoice.InvoiceLine;
import io.aurabilling.invoice.Lineage;
import io.aurabilling.invoice.OperatingBusiness;
import io.aurabilling.invoice.UnitPrice;
import io.aurabilling.invoice.UnknownIds;
import io.aurabilling.pricing.AppCharge;
import io.aurabilling.pricing.ComponentCharge;
import io.aurabilling.pricing.CostShare;
import io.aurabilling.pricing.Division;
import io.aurabilling.pricing.FeeCharge;
import io.aurabilling.pricing.PricingContext;
import io.aurabilling.pricing.PricingResult;
import io.aurabilling.usage.BillingPeriod;
import io.aurabilling.usage.Dimension;
import io.aurabilling.usage.Dimensions;
import io.aurabilling.usage.RowAccounting;
import io.aurabilling.usage.UsageCell;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns one OB's exact pricing result into an invoice. This is the only place where
 * money is rounded and allocated, with one rule for every model (billing-rules.md):
 * a component's amount is its exact amount rounded to minor units (or, for a shared
 * cost, its largest-remainder share of the pool); that amount is split over the lines
 * by largest remainder weighted by the lines' exact amounts; fees and adjustments are
 * rounded one by one; the total is the sum of the rounded parts.
 */
final class InvoiceAssembler {
    /** The app name shown for rows with a null {@code AURA_APP_ID}. */
    static final String UNATTRIBUTED_APP = "(unattributed)";
    private static final Comparator<String> APP_ORDER = Comparator.nullsLast(Comparator.naturalOrder());

    private final BillingConfig config;
    private final Dimensions dimensions;
    private final String libraryVersion;

    InvoiceAssembler(BillingConfig config, Dimensions dimensions, String libraryVersion) {
        this.config = config;
        this.dimensions = dimensions;
        this.libraryVersion = libraryVersion;
    }

    /**
     * Assembles the invoice, or reports unpriced usage.
     *
     * @return the invoice; never null
     * @throws UnpricedUsage when usage has no price and the OB does not bill it at zero
     */
    Invoice assemble(ObSettings ob, String modelName, PricingResult result, PricingContext context,
                     RowAccounting rows, long requests, List<io.aurabilling.usage.InputFile> inputs) {
        YearMonth month = context.period().month();
        Currency currency = context.currency();
        int scale = currency.getDefaultFractionDigits();
        RoundingMode mode = config.defaults().rounding();
        if (!result.unpriced().isEmpty() && ob.unpriced() == UnpricedPolicy.ERROR) {
            throw new UnpricedUsage(ob.country(), result.unpriced());
        }

        SortedMap<String, SortedMap<String, Long>> appQueries = new TreeMap<>();
        for (UsageCell cell : context.cells()) {
            appQueries.computeIfAbsent(cell.componentId(), k -> new TreeMap<>(APP_ORDER))
                    .merge(cell.appId(), cell.queries(), Long::sum);
        }
        Map<String, ComponentCharge> charges = new HashMap<>();
        for (ComponentCharge charge : result.components()) {
            if (!appQueries.containsKey(charge.componentId())) {
                throw new ConfigurationException("pricing model '" + modelName + "' charged component "
                        + charge.componentId() + " which " + ob.country() + " did not use in " + month
                        + "; the model is faulty");
            }
            charges.put(charge.componentId(), charge);
        }

        List<InvoiceComponent> components = new ArrayList<>();
        long totalQueries = 0;
        BigDecimal subtotal = BigDecimal.ZERO.setScale(scale);
        for (Map.Entry<String, SortedMap<String, Long>> e : appQueries.entrySet()) {
            String componentId = e.getKey();
            ComponentCharge charge = charges.getOrDefault(componentId, ComponentCharge.of(componentId, BigDecimal.ZERO));
            InvoiceComponent component = component(ob.country(), charge, e.getValue(), scale, mode);
            components.add(component);
            totalQueries += component.queries();
            subtotal = subtotal.add(component.amount());
        }

        List<InvoiceCharge> fees = new ArrayList<>();
        for (FeeCharge fee : result.fees()) {
            InvoiceCharge rounded = new InvoiceCharge(fee.kind(), fee.description(), fee.exactAmount().setScale(scale, mode));
            fees.add(rounded);
            subtotal = subtotal.add(rounded.amount());
        }

        List<InvoiceCharge> adjustments = new ArrayList<>();
        BigDecimal total = subtotal;
        if (ob.adjustments().discount().isPresent()) {
            BigDecimal percent = ob.adjustments().discountPercent();
            BigDecimal discount = Division.divide(subtotal.multiply(percent), BigDecimal.valueOf(100)).setScale(scale, mode);
            adjustments.add(new InvoiceCharge("discount-percent",
                    "Discount " + percent.stripTrailingZeros().toPlainString() + "%", discount.negate()));
            total = total.subtract(discount);
        }
        if (ob.adjustments().minimum().isPresent()) {
            BigDecimal minimum = ob.adjustments().minimumAmount();
            if (total.compareTo(minimum) < 0) {
                BigDecimal trueUp = minimum.subtract(total).setScale(scale, mode);
                adjustments.add(new InvoiceCharge("minimum-amount",
                        "Minimum commitment true-up (minimum " + minimum.toPlainString() + ")", trueUp));
                total = total.add(trueUp);
            }
        }

        if (rows.billed() != totalQueries) {
            throw new IllegalStateException("billed rows " + rows.billed() + " != invoiced queries " + totalQueries
                    + " for " + ob.country());
        }
        DataQuality quality = new DataQuality(rows.read(), rows.billed(), rows.missingKey(), rows.badTimestamp(),
                rows.outOfPeriod(), rows.duplicate(), unknownIds(context.cells()),
                ob.unpriced() == UnpricedPolicy.ZERO ? result.unpriced() : new TreeMap<>());
        BillingPeriod period = context.period();
        return Invoice.builder()
                .number(InvoiceNumber.of(config.invoicePrefix(), ob.country(), month))
                .issuer(config.issuer())
                .ob(new OperatingBusiness(ob.country(), ob.name()))
                .period(period)
                .currency(currency)
                .model(modelName)
                .components(components)
                .fees(fees)
                .adjustments(adjustments)
                .totalQueries(totalQueries)
                .totalRequests(requests)
                .subtotal(subtotal)
                .total(total)
                .dataQuality(quality)
                .lineage(new Lineage(libraryVersion, config.sha256(), inputs))
                .build();
    }

    private InvoiceComponent component(String country, ComponentCharge charge, SortedMap<String, Long> apps,
                                       int scale, RoundingMode mode) {
        long queries = apps.values().stream().mapToLong(Long::longValue).sum();
        BigDecimal amount = charge.costShare() != null
                ? poolShare(country, charge.costShare(), scale)
                : charge.exactAmount().setScale(scale, mode);

        Map<String, BigDecimal> appExact = new HashMap<>();
        for (AppCharge app : charge.apps()) {
            appExact.merge(app.appId(), app.exactAmount(), BigDecimal::add);
        }
        List<String> appIds = new ArrayList<>(apps.keySet());
        List<BigDecimal> exacts = new ArrayList<>();
        List<BigDecimal> weightsByQueries = new ArrayList<>();
        for (String appId : appIds) {
            long lineQueries = apps.get(appId);
            BigDecimal exact = charge.apps().isEmpty()
                    ? (queries == 0 ? BigDecimal.ZERO : Division.share(charge.exactAmount(), lineQueries, queries))
                    : appExact.getOrDefault(appId, BigDecimal.ZERO);
            exacts.add(exact);
            weightsByQueries.add(BigDecimal.valueOf(lineQueries));
        }
        BigDecimal[] units = LargestRemainder.allocate(amount.movePointRight(scale), exacts, weightsByQueries);
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < appIds.size(); i++) {
            String appId = appIds.get(i);
            long lineQueries = apps.get(appId);
            lines.add(new InvoiceLine(appId, appName(appId), lineQueries, UnitPrice.ofLine(exacts.get(i), lineQueries),
                    exacts.get(i), units[i].movePointLeft(scale).setScale(scale, RoundingMode.UNNECESSARY)));
        }
        return new InvoiceComponent(charge.componentId(), name(dimensions.components(), charge.componentId()), queries,
                charge.exactAmount(), amount, lines, charge.tiers());
    }

    /** This country's largest-remainder share of the pool, so that all countries' shares add up to it. */
    private static BigDecimal poolShare(String country, CostShare share, int scale) {
        BigDecimal pool = share.pool();
        if (pool.stripTrailingZeros().scale() > scale) {
            throw new ConfigurationException("cost-sharing pool " + pool.toPlainString() + " has more decimals than the currency's "
                    + scale + "; write it in minor units");
        }
        List<String> countries = new ArrayList<>(share.queriesByCountry().keySet());
        int index = countries.indexOf(country);
        if (index < 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        List<BigDecimal> weights = new ArrayList<>();
        for (String c : countries) {
            weights.add(BigDecimal.valueOf(share.queriesByCountry().get(c)));
        }
        BigDecimal[] units = LargestRemainder.allocate(pool.movePointRight(scale).setScale(0, RoundingMode.UNNECESSARY),
                weights, weights);
        return units[index].movePointLeft(scale).setScale(scale, RoundingMode.UNNECESSARY);
    }

    private String appName(String appId) {
        return appId == null ? UNATTRIBUTED_APP : name(dimensions.apps(), appId);
    }

    private static String name(Dimension dimension, String id) {
        return dimension.name(id).orElse(id);
    }

    private UnknownIds unknownIds(List<UsageCell> cells) {
        SortedMap<String, Long> component = new TreeMap<>();
        SortedMap<String, Long> app = new TreeMap<>();
        SortedMap<String, Long> channel = new TreeMap<>();
        SortedMap<String, Long> preset = new TreeMap<>();
        for (UsageCell cell : cells) {
            countUnknown(dimensions.components(), cell.componentId(), cell.queries(), component);
            countUnknown(dimensions.apps(), cell.appId(), cell.queries(), app);
            countUnknown(dimensions.channels(), cell.key().channelId(), cell.queries(), channel);
            countUnknown(dimensions.presets(), cell.key().preset(), cell.queries(), preset);
        }
        return new UnknownIds(component, app, channel, preset);
    }

    private static void countUnknown(Dimension dimension, String id, long queries, SortedMap<String, Long> into) {
        if (id != null && !dimension.contains(id)) {
            into.merge(id, queries, Long::sum);
        }
    }

    /** Usage of an OB that no price applies to, with the OB set to fail on it. */
    static final class UnpricedUsage extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String country;
        final transient SortedMap<String, Long> queries;

        UnpricedUsage(String country, SortedMap<String, Long> queries) {
            super(country + " has unpriced usage", null, false, false);
            this.country = country;
            this.queries = queries;
        }
    }
}
