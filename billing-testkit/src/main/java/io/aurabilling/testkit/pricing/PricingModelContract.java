package io.aurabilling.testkit.pricing;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.config.yaml.Adjustments;
import io.aurabilling.pricing.PricingModel;
import io.aurabilling.pricing.PricingModelFactory;
import io.aurabilling.pricing.PricingResult;
import io.aurabilling.usage.UsageCell;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

/**
 * The conformance kit every {@link io.aurabilling.pricing.PricingModel} must pass. Extend it
 * in a test class, give it your factory and a realistic configuration, and jqwik checks on
 * random months of usage that the model:
 * <ul>
 *   <li>returns exact decimals (scale at most {@link PricingModelChecks#MAX_SCALE}), charges only
 *       components and apps the OB used, and uses no {@code double} or {@code float} in its
 *       public methods;</li>
 *   <li>returns no negative amount, unless {@link #allowsNegativeAmounts()} says so;</li>
 *   <li>does not depend on the order of cells;</li>
 *   <li>is deterministic: twice, and through a second model from the same configuration;</li>
 *   <li>charges no component and reports nothing unpriced when the OB has no usage (fees are allowed);</li>
 *   <li>reports unpriced queries between 0 and the component's queries;</li>
 *   <li>yields, through {@link io.aurabilling.engine.BillingEngine}, invoices whose lines add up to
 *       their components and whose components, fees and adjustments add up to the total, to the cent.</li>
 * </ul>
 *
 * <pre>{@code
 * class FlatRateModelContractTest extends PricingModelContract {
 *     protected PricingModelFactory factory() { return new FlatRateModelFactory(); }
 *     protected ConfigNode config() {
 *         return ConfigNode.fromValue(Map.of("model", "flat-rate", "price", "0.0010"), "test");
 *     }
 * }
 * }</pre>
 *
 * <p>Usage is generated over {@link #componentIds()} for the OB {@link #country()} and two
 * other countries; override {@link #usage()} to shape it. Each check is also a static method
 * of {@link PricingModelChecks}, to call with fixed inputs.
 */
public abstract class PricingModelContract {

    /** Creates the contract; subclasses are test classes run by jqwik. */
    protected PricingModelContract() {
    }

    /**
     * The factory under test.
     *
     * @return a new or shared factory instance
     */
    protected abstract PricingModelFactory factory();

    /**
     * A realistic pricing version for the model: the mapping {@code billing.yaml} would hold
     * under {@code pricing}, with or without {@code from} and {@code model}. Build it with
     * {@link ConfigNode#fromValue} or {@code BillingConfigLoader.readTree}.
     *
     * @return the configuration
     */
    protected abstract ConfigNode config();

    /**
     * Whether the model may return negative amounts (e.g. a credit model). Default: no.
     *
     * @return true to skip the non-negative checks
     */
    protected boolean allowsNegativeAmounts() {
        return false;
    }

    /**
     * The OB's invoice currency. Default: EUR.
     *
     * @return the currency
     */
    protected Currency currency() {
        return Currency.getInstance("EUR");
    }

    /**
     * The invoiced OB's country. Default: {@code BRA}.
     *
     * @return the country code
     */
    protected String country() {
        return "BRA";
    }

    /**
     * The billing month. Default: 2026-10.
     *
     * @return the month
     */
    protected YearMonth month() {
        return YearMonth.of(2026, 10);
    }

    /**
     * The component ids the generated usage uses; include the ones the configuration prices
     * and at least one it does not. Default: {@code aura-groot}, {@code aura-nlp},
     * {@code aura-gpt}.
     *
     * @return the component ids
     */
    protected List<String> componentIds() {
        return List.of("aura-groot", "aura-nlp", "aura-gpt");
    }

    /**
     * The billable cells of every country in a month: the OB's ({@link #country()}) and
     * others'. Default: {@link UsageArbitraries#cells} over the OB, ESP and MEX and
     * {@link #componentIds()}.
     *
     * @return cells (duplicate keys are merged)
     */
    protected Arbitrary<List<UsageCell>> usage() {
        return UsageArbitraries.cells(List.of(country(), "ESP", "MEX"), componentIds(), month());
    }

    /**
     * The generator behind every property; jqwik finds it by name. Public, like the
     * properties, so that subclasses in any package inherit them.
     *
     * @return samples of {@link #usage()} for {@link #country()}
     */
    @Provide
    public Arbitrary<PricingSample> pricingSamples() {
        return usage().map(cells -> new PricingSample(country(), currency(), month(), cells));
    }

    /** @return discounts from 0 to 50 % and minimums up to 5000, each present or absent */
    @Provide
    public Arbitrary<Adjustments> adjustments() {
        Arbitrary<BigDecimal> discount = Arbitraries.integers().between(0, 5000).map(v -> BigDecimal.valueOf(v, 2))
                .injectNull(0.5);
        Arbitrary<BigDecimal> minimum = Arbitraries.integers().between(0, 500_000).map(v -> BigDecimal.valueOf(v, 2))
                .injectNull(0.5);
        return discount.flatMap(d -> minimum.map(m -> new Adjustments(d, m)));
    }

    /**
     * Exact decimals, only the OB's components and apps.
     *
     * @param sample random usage
     */
    @Property(tries = 1000)
    public void amountsAreExact(@ForAll("pricingSamples") PricingSample sample) {
        PricingModelChecks.checkExact(sample.context(), model().price(sample.context()));
    }

    /**
     * No negative amount unless declared.
     *
     * @param sample random usage
     */
    @Property(tries = 1000)
    public void amountsAreNotNegative(@ForAll("pricingSamples") PricingSample sample) {
        PricingResult result = model().price(sample.context());
        if (!allowsNegativeAmounts()) {
            PricingModelChecks.checkNotNegative(result);
        }
    }

    /**
     * The result does not depend on cell order.
     *
     * @param sample random usage
     * @param seed the shuffle's seed
     */
    @Property(tries = 1000)
    public void resultDoesNotDependOnCellOrder(@ForAll("pricingSamples") PricingSample sample, @ForAll long seed) {
        PricingModelChecks.checkOrderIndependent(model(), sample.context(), seed);
    }

    /**
     * Pricing twice, and with a second model from the same configuration, gives equal results.
     *
     * @param sample random usage
     */
    @Property(tries = 1000)
    public void pricingIsDeterministic(@ForAll("pricingSamples") PricingSample sample) {
        PricingModelChecks.checkDeterministic(factory(), config(), sample.context());
    }

    /**
     * No usage, no component charge and nothing unpriced, whatever other countries used.
     *
     * @param sample random usage of the other countries
     */
    @Property(tries = 1000)
    public void emptyUsageIsNotCharged(@ForAll("pricingSamples") PricingSample sample) {
        PricingResult result = PricingModelChecks.checkEmptyUsage(model(), sample.contextWithoutObUsage());
        if (!allowsNegativeAmounts()) {
            PricingModelChecks.checkNotNegative(result);
        }
    }

    /**
     * Unpriced queries stay within the component's queries.
     *
     * @param sample random usage
     */
    @Property(tries = 1000)
    public void unpricedQueriesStayWithinUsage(@ForAll("pricingSamples") PricingSample sample) {
        PricingModelChecks.checkUnpricedWithinUsage(sample.context(), model().price(sample.context()));
    }

    /**
     * Through the engine, the invoice adds up to the cent.
     *
     * @param sample random usage
     * @param adjustments a random discount and minimum
     */
    @Property(tries = 1000)
    public void invoiceAddsUp(@ForAll("pricingSamples") PricingSample sample, @ForAll("adjustments") Adjustments adjustments) {
        PricingModelChecks.checkInvoice(factory(), config(), sample, adjustments, allowsNegativeAmounts());
    }

    /** The factory's and the model's public methods use no floating point. */
    @Example
    public void publicMethodsUseNoFloatingPoint() {
        PricingModelChecks.checkNoFloatingPoint(factory().getClass(), model().getClass());
    }

    private PricingModel model() {
        return factory().create(config());
    }
}
