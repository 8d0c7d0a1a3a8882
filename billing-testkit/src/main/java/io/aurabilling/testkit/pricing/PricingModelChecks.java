package io.aurabilling.testkit.pricing;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.config.yaml.Adjustments;
import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.config.yaml.Defaults;
import io.aurabilling.config.yaml.ObSettings;
import io.aurabilling.config.yaml.PricingVersion;
import io.aurabilling.config.yaml.UnpricedPolicy;
import io.aurabilling.engine.BillingEngine;
import io.aurabilling.engine.BillingRun;
import io.aurabilling.invoice.Invoice;
import io.aurabilling.invoice.InvoiceCharge;
import io.aurabilling.invoice.InvoiceComponent;
import io.aurabilling.invoice.InvoiceLine;
import io.aurabilling.invoice.Issuer;
import io.aurabilling.pricing.AppCharge;
import io.aurabilling.pricing.ComponentCharge;
import io.aurabilling.pricing.FeeCharge;
import io.aurabilling.pricing.PricingContext;
import io.aurabilling.pricing.PricingModel;
import io.aurabilling.pricing.PricingModelFactory;
import io.aurabilling.pricing.PricingResult;
import io.aurabilling.pricing.Tier;
import io.aurabilling.usage.UsageCell;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * The checks of the pricing-model conformance kit, one static method per rule, each
 * throwing an {@link AssertionError} naming what is wrong. {@link PricingModelContract}
 * runs them on random usage; they can also be called directly with fixed inputs (a
 * regression case, or to prove that a broken model is caught).
 */
public final class PricingModelChecks {

    /**
     * The largest scale an exact amount may have. Amounts built from configured prices
     * (up to 10 decimals) and the money path's divisions (10 decimals) stay far below it;
     * a larger scale means a division with a {@link java.math.MathContext} or a value that
     * went through {@code double}.
     */
    public static final int MAX_SCALE = 20;

    private PricingModelChecks() {
    }

    /**
     * Exact decimals and a result that only speaks of the OB's usage: every amount (component,
     * app, tier, fee) has a scale of at most {@link #MAX_SCALE}; components are charged only
     * when the OB used them; app amounts name only apps that used the component; tiers
     * account for no more queries than the component has.
     *
     * @param context what the model was given
     * @param result what it returned
     * @throws AssertionError naming the first offending amount
     */
    public static void checkExact(PricingContext context, PricingResult result) {
        requireNonNull(context, "context is null");
        requireNonNull(result, "result is null");
        SortedMap<String, Long> used = context.componentQueries();
        for (ComponentCharge charge : result.components()) {
            String id = charge.componentId();
            if (!used.containsKey(id)) {
                throw new AssertionError("component " + id + " is charged but " + context.ob().country()
                        + " did not use it; charge only the components in context.componentQueries()");
            }
            checkScale("component " + id, charge.exactAmount());
            // String.valueOf: the unattributed (null) app compares as "null", like on the invoice
            Set<String> apps = new TreeSet<>();
            context.cellsOf(id).forEach(c -> apps.add(String.valueOf(c.appId())));
            for (AppCharge app : charge.apps()) {
                checkScale("component " + id + " app " + app.appId(), app.exactAmount());
                if (!apps.contains(String.valueOf(app.appId()))) {
                    throw new AssertionError("component " + id + " charges app " + app.appId()
                            + " which has no usage of it; charge only the apps of context.cellsOf(component)");
                }
            }
            long tierQueries = 0;
            for (Tier tier : charge.tiers()) {
                checkScale("component " + id + " tier up to " + tier.upTo(), tier.exactAmount());
                checkScale("component " + id + " tier unit price", tier.unitPrice());
                tierQueries += tier.queries();
            }
            if (tierQueries > used.get(id)) {
                throw new AssertionError("component " + id + ": the tiers hold " + tierQueries + " queries but the OB has "
                        + used.get(id));
            }
        }
        for (FeeCharge fee : result.fees()) {
            checkScale("fee " + fee.kind(), fee.exactAmount());
        }
    }

    /**
     * No negative amount anywhere in the result: components, apps, tiers and fees.
     *
     * @param result what the model returned
     * @throws AssertionError naming the first negative amount
     */
    public static void checkNotNegative(PricingResult result) {
        requireNonNull(result, "result is null");
        for (ComponentCharge charge : result.components()) {
            String id = charge.componentId();
            checkNotNegative("component " + id, charge.exactAmount());
            for (AppCharge app : charge.apps()) {
                checkNotNegative("component " + id + " app " + app.appId(), app.exactAmount());
            }
            for (Tier tier : charge.tiers()) {
                checkNotNegative("component " + id + " tier up to " + tier.upTo(), tier.exactAmount());
                checkNotNegative("component " + id + " tier unit price", tier.unitPrice());
                if (tier.queries() < 0) {
                    throw new AssertionError("component " + id + " has a tier with " + tier.queries() + " queries");
                }
            }
        }
        for (FeeCharge fee : result.fees()) {
            checkNotNegative("fee " + fee.kind(), fee.exactAmount());
        }
    }

    /**
     * Unpriced queries name only components the OB used, are never negative and never
     * exceed the component's queries.
     *
     * @param context what the model was given
     * @param result what it returned
     * @throws AssertionError naming the offending component
     */
    public static void checkUnpricedWithinUsage(PricingContext context, PricingResult result) {
        requireNonNull(context, "context is null");
        requireNonNull(result, "result is null");
        SortedMap<String, Long> used = context.componentQueries();
        for (Map.Entry<String, Long> e : result.unpriced().entrySet()) {
            long queries = used.getOrDefault(e.getKey(), 0L);
            Long unpriced = e.getValue();
            if (unpriced == null || unpriced < 0 || unpriced > queries) {
                throw new AssertionError("component " + e.getKey() + " has " + unpriced + " unpriced queries but "
                        + queries + " queries in all; report between 0 and the component's queries");
            }
        }
    }

    /**
     * Order independence: the model prices the same cells handed in reverse order and in a
     * shuffled order (both the OB's cells and every country's) to an equal result.
     *
     * @param model the model
     * @param context the usage in its usual (sorted) order
     * @param seed the seed of the shuffle
     * @return the result for the original order
     * @throws AssertionError when a reordering changes the result
     */
    public static PricingResult checkOrderIndependent(PricingModel model, PricingContext context, long seed) {
        requireNonNull(model, "model is null");
        requireNonNull(context, "context is null");
        PricingResult expected = model.price(context);
        List<UsageCell> cells = new ArrayList<>(context.cells());
        List<UsageCell> allCells = new ArrayList<>(context.allCells());
        Collections.reverse(cells);
        Collections.reverse(allCells);
        assertSameResult(expected, model.price(reordered(context, cells, allCells)), "cells in reverse order");
        Collections.shuffle(cells, new Random(seed));
        Collections.shuffle(allCells, new Random(seed));
        assertSameResult(expected, model.price(reordered(context, cells, allCells)), "cells shuffled with seed " + seed);
        return expected;
    }

    /**
     * Determinism: the same model prices the same usage twice to an equal result, and so
     * does a second model created from the same configuration.
     *
     * @param factory the model's factory
     * @param config the pricing version's configuration
     * @param context the usage
     * @throws AssertionError when two pricings differ
     */
    public static void checkDeterministic(PricingModelFactory factory, ConfigNode config, PricingContext context) {
        requireNonNull(factory, "factory is null");
        requireNonNull(config, "config is null");
        requireNonNull(context, "context is null");
        PricingModel model = factory.create(config);
        PricingResult first = model.price(context);
        assertSameResult(first, model.price(context), "the same model pricing the same usage again");
        assertSameResult(first, factory.create(config).price(context),
                "a second model created from the same configuration");
    }

    /**
     * Empty usage: an OB without cells gets no component charge and no unpriced queries
     * (fees, such as a flat fee, are allowed).
     *
     * @param model the model
     * @param context a context whose {@code cells} are empty (other countries may have usage)
     * @return the result
     * @throws AssertionError when a component is charged or reported unpriced
     */
    public static PricingResult checkEmptyUsage(PricingModel model, PricingContext context) {
        requireNonNull(model, "model is null");
        requireNonNull(context, "context is null");
        if (!context.cells().isEmpty()) {
            throw new IllegalArgumentException("checkEmptyUsage needs a context without the OB's cells");
        }
        PricingResult result = requireNonNull(model.price(context), "the model returned null for empty usage");
        if (!result.components().isEmpty()) {
            throw new AssertionError("an OB without usage is charged for components " + result.components().stream()
                    .map(ComponentCharge::componentId).toList() + "; charge only components with queries");
        }
        if (!result.unpriced().isEmpty()) {
            throw new AssertionError("an OB without usage has unpriced queries " + result.unpriced());
        }
        return result;
    }

    /**
     * No floating point in the public surface: no public method of the given classes takes
     * or returns {@code double}, {@code float}, {@link Double} or {@link Float} (methods
     * inherited from {@link Object} aside).
     *
     * @param classes the factory's and the model's classes
     * @throws AssertionError naming the first such method
     */
    public static void checkNoFloatingPoint(Class<?>... classes) {
        for (Class<?> type : classes) {
            for (Method method : requireNonNull(type, "class is null").getMethods()) {
                if (method.getDeclaringClass() == Object.class) {
                    continue;
                }
                List<Class<?>> types = new ArrayList<>(List.of(method.getParameterTypes()));
                types.add(method.getReturnType());
                for (Class<?> t : types) {
                    if (t == double.class || t == float.class || t == Double.class || t == Float.class) {
                        throw new AssertionError(type.getName() + "." + method.getName() + " uses " + t.getSimpleName()
                                + "; money must be BigDecimal, never double or float");
                    }
                }
            }
        }
    }

    /**
     * The whole path through {@link BillingEngine}: a configuration built in code with one OB
     * priced by the factory (registered on the builder, as from a notebook; unpriced usage
     * billed at zero), the sample invoiced, and the invoice checked: one component per
     * component the OB used with its queries, amounts in the currency's minor units, lines
     * adding up to their component, a component's amount the rounding of its exact amount
     * (shared costs aside), {@code subtotal = components + fees} and
     * {@code total = subtotal + adjustments} to the cent.
     *
     * @param factory the model's factory
     * @param config the pricing version's configuration
     * @param sample the usage to invoice
     * @param adjustments the OB's discount and minimum
     * @param allowsNegativeAmounts whether components, lines and fees may be negative
     * @return the invoice
     * @throws AssertionError when the invoice does not add up
     */
    public static Invoice checkInvoice(PricingModelFactory factory, ConfigNode config, PricingSample sample,
                                       Adjustments adjustments, boolean allowsNegativeAmounts) {
        requireNonNull(factory, "factory is null");
        requireNonNull(config, "config is null");
        requireNonNull(sample, "sample is null");
        requireNonNull(adjustments, "adjustments is null");
        String country = sample.country();
        ObSettings ob = new ObSettings(country, country + " operator", PricingSample.ZONE, sample.currency(),
                List.of(new PricingVersion(sample.month(), factory.name(), config)), adjustments, UnpricedPolicy.ZERO);
        SortedMap<String, ObSettings> obs = new TreeMap<>(Map.of(country, ob));
        BillingConfig billingConfig = new BillingConfig(new Issuer("Aura Global Team", null), "LIC", Defaults.STANDARD,
                obs, null, null, "conformance-kit", "0".repeat(64));
        BillingEngine engine = BillingEngine.builder().config(billingConfig).pricingModel(factory)
                .libraryVersion("conformance-kit").build();
        BillingRun run = engine.invoice(sample.aggregate(), io.aurabilling.usage.Dimensions.none(), sample.month(),
                List.of(country));
        if (run.invoices().size() != 1) {
            throw new AssertionError("expected one invoice for " + country + ", found " + run.invoices().size());
        }
        Invoice invoice = run.invoices().get(0);
        int scale = sample.currency().getDefaultFractionDigits();
        // what the engine priced with: the factory's model on the same context
        Map<String, ComponentCharge> charges = new TreeMap<>();
        for (ComponentCharge charge : factory.create(config).price(sample.context()).components()) {
            charges.put(charge.componentId(), charge);
        }

        SortedMap<String, Long> used = sample.context().componentQueries();
        List<String> listed = invoice.components().stream().map(InvoiceComponent::componentId).toList();
        if (!listed.equals(new ArrayList<>(used.keySet()))) {
            throw new AssertionError("the invoice lists components " + listed + " but the OB used " + used.keySet());
        }
        BigDecimal components = BigDecimal.ZERO;
        long queries = 0;
        for (InvoiceComponent component : invoice.components()) {
            String id = component.componentId();
            checkMinorUnits("component " + id, component.amount(), scale);
            if (component.queries() != used.get(id)) {
                throw new AssertionError("component " + id + " shows " + component.queries() + " queries, not "
                        + used.get(id));
            }
            BigDecimal lines = BigDecimal.ZERO;
            for (InvoiceLine line : component.lines()) {
                checkMinorUnits("component " + id + " line " + line.appId(), line.amount(), scale);
                if (!allowsNegativeAmounts) {
                    checkNotNegative("component " + id + " line " + line.appId(), line.amount());
                }
                lines = lines.add(line.amount());
            }
            assertSameAmount("component " + id + ": the sum of its lines", lines, component.amount());
            ComponentCharge charge = charges.get(id);
            if (charge != null && charge.costShare() == null) {
                assertSameAmount("component " + id + ": the rounded exact amount " + charge.exactAmount().toPlainString(),
                        charge.exactAmount().setScale(scale, RoundingMode.HALF_UP), component.amount());
            }
            if (!allowsNegativeAmounts) {
                checkNotNegative("component " + id, component.amount());
            }
            components = components.add(component.amount());
            queries += component.queries();
        }
        BigDecimal fees = BigDecimal.ZERO;
        for (InvoiceCharge fee : invoice.fees()) {
            checkMinorUnits("fee " + fee.kind(), fee.amount(), scale);
            if (!allowsNegativeAmounts) {
                checkNotNegative("fee " + fee.kind(), fee.amount());
            }
            fees = fees.add(fee.amount());
        }
        BigDecimal adjusted = BigDecimal.ZERO;
        for (InvoiceCharge adjustment : invoice.adjustments()) {
            checkMinorUnits("adjustment " + adjustment.kind(), adjustment.amount(), scale);
            adjusted = adjusted.add(adjustment.amount());
        }
        assertSameAmount("subtotal (components + fees)", components.add(fees), invoice.subtotal());
        assertSameAmount("total (subtotal + adjustments)", invoice.subtotal().add(adjusted), invoice.total());
        if (queries != sample.obQueries() || invoice.totalQueries() != sample.obQueries()) {
            throw new AssertionError("the invoice counts " + invoice.totalQueries() + " queries, the OB has "
                    + sample.obQueries());
        }
        if (!allowsNegativeAmounts) {
            checkNotNegative("total", invoice.total());
        }
        return invoice;
    }

    private static void checkMinorUnits(String what, BigDecimal amount, int scale) {
        if (amount.scale() != scale) {
            throw new AssertionError(what + ": " + amount.toPlainString() + " is not in minor units (" + scale
                    + " decimals)");
        }
    }

    private static void assertSameAmount(String what, BigDecimal expected, BigDecimal actual) {
        if (expected.compareTo(actual) != 0) {
            throw new AssertionError(what + " is " + expected.toPlainString() + " but the invoice shows "
                    + actual.toPlainString());
        }
    }

    private static PricingContext reordered(PricingContext context, List<UsageCell> cells, List<UsageCell> allCells) {
        return new PricingContext(context.ob(), context.period(), context.currency(), cells, allCells);
    }

    private static void assertSameResult(PricingResult expected, PricingResult actual, String how) {
        if (!expected.equals(actual)) {
            throw new AssertionError("the result changed with " + how + ": a model must be deterministic and "
                    + "independent of cell order (sum and sort, never keep the first or last cell)\nexpected: "
                    + expected + "\nactual:   " + actual);
        }
    }

    private static void checkScale(String what, BigDecimal amount) {
        if (amount.scale() > MAX_SCALE) {
            throw new AssertionError(what + ": " + amount.toPlainString() + " has " + amount.scale()
                    + " decimals, more than " + MAX_SCALE + "; compute exactly from configured prices and divide "
                    + "only with io.aurabilling.pricing.Division (10 decimals)");
        }
    }

    private static void checkNotNegative(String what, BigDecimal amount) {
        if (amount.signum() < 0) {
            throw new AssertionError(what + " is negative: " + amount.toPlainString()
                    + "; override allowsNegativeAmounts() when negative amounts are intended");
        }
    }
}
