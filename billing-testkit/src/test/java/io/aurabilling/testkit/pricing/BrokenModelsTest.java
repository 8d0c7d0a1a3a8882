package io.aurabilling.testkit.pricing;

import io.aurabilling.ConfigurationException;
import io.aurabilling.config.ConfigNode;
import io.aurabilling.config.yaml.Adjustments;
import io.aurabilling.invoice.Invoice;
import io.aurabilling.pricing.PricingContext;
import io.aurabilling.pricing.PricingModel;
import io.aurabilling.usage.UsageCell;
import io.aurabilling.usage.UsageKey;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each check of the kit, called with fixed usage, fails for a model that breaks its rule and
 * passes for the docs example model on the same usage, so that the kit can really fail.
 */
class BrokenModelsTest {
    private static final ConfigNode CONFIG = ConfigNode.fromValue(Map.of("model", "flat-rate", "price", "0.0010"), "test");
    private static final PricingModel GOOD = new FlatRateModelFactory().create(CONFIG);

    /** BRA: aura-groot 10 (app-care) + 5 (app-sales), aura-nlp 3 (unattributed); ESP: aura-groot 7. */
    private static final PricingSample SAMPLE = new PricingSample("BRA", Currency.getInstance("EUR"), YearMonth.of(2026, 10),
            List.of(cell("BRA", 1, "aura-groot", "app-care", 10), cell("BRA", 2, "aura-groot", "app-sales", 5),
                    cell("BRA", 2, "aura-nlp", null, 3), cell("ESP", 3, "aura-groot", "app-care", 7)));

    private static UsageCell cell(String country, int day, String component, String app, long queries) {
        return new UsageCell(new UsageKey(country, LocalDate.of(2026, 10, day), component, app, "web", "message", null), queries);
    }

    @Test
    void sampleHoldsTheOwnAndOtherCountriesCells() {
        assertEquals(3, SAMPLE.context().cells().size());
        assertEquals(4, SAMPLE.context().allCells().size());
        assertEquals(18, SAMPLE.obQueries());
        assertTrue(SAMPLE.contextWithoutObUsage().cells().isEmpty());
        assertEquals(1, SAMPLE.contextWithoutObUsage().allCells().size());
    }

    @Test
    void orderDependentModelFails() {
        PricingContext context = SAMPLE.context();
        AssertionError e = assertThrows(AssertionError.class,
                () -> PricingModelChecks.checkOrderIndependent(BrokenModels::firstCellOnly, context, 1L));
        assertTrue(e.getMessage().contains("reverse order"), e.getMessage());
        PricingModelChecks.checkOrderIndependent(GOOD, context, 1L);
    }

    @Test
    void negativeAmountsFailUnlessDeclared() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> PricingModelChecks.checkNotNegative(BrokenModels.credit(SAMPLE.context())));
        // aura-groot: 15 queries × -0.01
        assertTrue(e.getMessage().contains("component aura-groot is negative: -0.15"), e.getMessage());
        var credit = BrokenModels.factory("credit", c -> BrokenModels::credit);
        assertThrows(AssertionError.class,
                () -> PricingModelChecks.checkInvoice(credit, CONFIG, SAMPLE, Adjustments.NONE, false));
        Invoice declared = PricingModelChecks.checkInvoice(credit, CONFIG, SAMPLE, Adjustments.NONE, true);
        assertEquals(new BigDecimal("-0.18"), declared.total());
        PricingModelChecks.checkNotNegative(GOOD.price(SAMPLE.context()));
    }

    @Test
    void nonDeterministicModelFails() {
        var drifting = BrokenModels.factory("drifting", c -> new BrokenModels.Drifting());
        AssertionError e = assertThrows(AssertionError.class,
                () -> PricingModelChecks.checkDeterministic(drifting, CONFIG, SAMPLE.context()));
        assertTrue(e.getMessage().contains("the same model pricing the same usage again"), e.getMessage());
        // a model stable on its own but different per instance fails through the second model
        AssertionError second = assertThrows(AssertionError.class,
                () -> PricingModelChecks.checkDeterministic(BrokenModels.perInstance(), CONFIG, SAMPLE.context()));
        assertTrue(second.getMessage().contains("a second model"), second.getMessage());
        PricingModelChecks.checkDeterministic(new FlatRateModelFactory(), CONFIG, SAMPLE.context());
    }

    @Test
    void inexactAmountsFail() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> PricingModelChecks.checkExact(SAMPLE.context(), BrokenModels.sevenths(SAMPLE.context())));
        assertTrue(e.getMessage().startsWith("component aura-groot: 0.0214285714"), e.getMessage());
        PricingModelChecks.checkExact(SAMPLE.context(), GOOD.price(SAMPLE.context()));
    }

    @Test
    void chargingAnUnusedComponentOrAppFails() {
        assertThrows(AssertionError.class,
                () -> PricingModelChecks.checkExact(SAMPLE.context(), BrokenModels.phantom(SAMPLE.context())));
        assertThrows(AssertionError.class,
                () -> PricingModelChecks.checkExact(SAMPLE.context(), BrokenModels.wrongApp(SAMPLE.context())));
        assertThrows(AssertionError.class,
                () -> PricingModelChecks.checkEmptyUsage(BrokenModels::phantom, SAMPLE.contextWithoutObUsage()));
        // the engine refuses it too, naming the model as faulty
        var phantom = BrokenModels.factory("phantom", c -> BrokenModels::phantom);
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> PricingModelChecks.checkInvoice(phantom, CONFIG, SAMPLE, Adjustments.NONE, false));
        assertTrue(e.getMessage().contains("aura-phantom"), e.getMessage());
        PricingModelChecks.checkEmptyUsage(GOOD, SAMPLE.contextWithoutObUsage());
    }

    @Test
    void unpricedBeyondUsageFails() {
        AssertionError e = assertThrows(AssertionError.class, () -> PricingModelChecks.checkUnpricedWithinUsage(
                SAMPLE.context(), BrokenModels.overcountsUnpriced(SAMPLE.context())));
        assertTrue(e.getMessage().contains("aura-groot has 16 unpriced queries but 15"), e.getMessage());
    }

    @Test
    void doubleInThePublicSurfaceFails() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> PricingModelChecks.checkNoFloatingPoint(BrokenModels.DoubleRate.class));
        assertTrue(e.getMessage().contains("rate uses double"), e.getMessage());
        PricingModelChecks.checkNoFloatingPoint(FlatRateModelFactory.class, GOOD.getClass());
    }

    @Test
    void goodModelInvoiceAddsUpToHandComputedAmounts() {
        // 15 × 0.0010 = 0.015 → 0.02 (HALF_UP); 3 × 0.0010 = 0.003 → 0.00; 5 % discount of 0.02 = 0.001 → 0.00
        Invoice invoice = PricingModelChecks.checkInvoice(new FlatRateModelFactory(), CONFIG, SAMPLE,
                new Adjustments(new BigDecimal("5"), new BigDecimal("1.00")), false);
        assertEquals(new BigDecimal("0.02"), invoice.components().get(0).amount());
        assertEquals(new BigDecimal("0.00"), invoice.components().get(1).amount());
        assertEquals(new BigDecimal("0.02"), invoice.subtotal());
        assertEquals(new BigDecimal("1.00"), invoice.total());
    }
}
