package io.aurabilling.testkit.pricing;

import io.aurabilling.ConfigurationException;
import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.config.yaml.BillingConfigLoader;
import io.aurabilling.engine.BillingEngine;
import io.aurabilling.engine.BillingRun;
import io.aurabilling.invoice.Invoice;
import io.aurabilling.pricing.AppCharge;
import io.aurabilling.pricing.ComponentCharge;
import io.aurabilling.pricing.CostShare;
import io.aurabilling.pricing.FeeCharge;
import io.aurabilling.pricing.PricingContext;
import io.aurabilling.pricing.PricingModel;
import io.aurabilling.pricing.PricingModelFactory;
import io.aurabilling.pricing.PricingResult;
import io.aurabilling.usage.Dimensions;
import io.aurabilling.usage.UsageAggregate;
import io.aurabilling.usage.UsageCell;
import io.aurabilling.usage.UsageKey;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The snippets of docs/plugins.md, run with hand-computed expectations. */
class PluginDocsExamplesTest {
    private static final String YAML = """
            obs:
              PER:
                name: Telefónica del Perú
                pricing:
                  - from: 2026-01
                    model: flat-rate
                    price: 0.0010
            """;

    /** PER: aura-groot 1500 (app-care) + 501 (unattributed), aura-nlp 7; COL: aura-groot 2000. */
    private static final UsageAggregate USAGE = UsageAggregate.builder()
            .addCell(key("PER", "aura-groot", "app-care"), 1500)
            .addCell(key("PER", "aura-groot", null), 501)
            .addCell(key("PER", "aura-nlp", "app-care"), 7)
            .addCell(key("COL", "aura-groot", "app-care"), 2000)
            .build();

    private static UsageKey key(String country, String component, String app) {
        return new UsageKey(country, LocalDate.of(2026, 10, 5), component, app, "web", "message", null);
    }

    private static PricingContext context() {
        PricingSample sample = new PricingSample("PER", Currency.getInstance("EUR"), YearMonth.of(2026, 10), USAGE.cells());
        return sample.context();
    }

    @Test
    void notebookRegistersTheModelInCode() {
        String yamlText = YAML;
        Dimensions dimensions = Dimensions.none();
        UsageAggregate usage = USAGE;
        BillingConfig config = BillingConfigLoader.parse(yamlText, "billing.yaml", System::getenv);
        BillingEngine engine = BillingEngine.builder()
                .config(config)
                .pricingModel(new FlatRateModelFactory())   // a class defined in the notebook
                .build();
        BillingRun run = engine.invoice(usage, dimensions, YearMonth.of(2026, 10), List.of("PER"));
        Invoice invoice = run.invoice("PER");
        // aura-groot: 2001 × 0.0010 = 2.001 → 2.00; aura-nlp: 7 × 0.0010 = 0.007 → 0.01
        assertEquals(new BigDecimal("2.00"), invoice.components().get(0).amount());
        assertEquals(new BigDecimal("0.01"), invoice.components().get(1).amount());
        assertEquals(new BigDecimal("2.01"), invoice.total());
        // lines by largest remainder of the exact 1.5 and 0.501: 1.50 + 0.50
        assertEquals(new BigDecimal("1.50"), invoice.components().get(0).lines().get(0).amount());
        assertEquals(new BigDecimal("0.50"), invoice.components().get(0).lines().get(1).amount());
    }

    @Test
    void serviceFileMakesTheModelAvailableWithoutRegistering() {
        BillingEngine engine = BillingEngine.builder()
                .config(BillingConfigLoader.parse(YAML, "billing.yaml", name -> null)).build();
        assertTrue(engine.pricingModels().get("flat-rate") instanceof FlatRateModelFactory);
    }

    @Test
    void aModelRegisteredOnlyInCodeIsUsed() {
        // an anonymous factory has no META-INF/services entry: only the builder knows it
        PricingModelFactory cent = BrokenModels.factory("cent", c -> ctx -> PricingResult.of(
                ctx.componentQueries().keySet().stream().map(id -> ComponentCharge.of(id, BrokenModels.CENT)).toList()));
        BillingEngine engine = BillingEngine.builder()
                .config(BillingConfigLoader.parse(YAML.replace("flat-rate", "cent"), "billing.yaml", name -> null))
                .pricingModel(cent)
                .build();
        assertEquals(new BigDecimal("0.02"), engine.invoice(USAGE, Dimensions.none(), YearMonth.of(2026, 10), List.of())
                .invoice("PER").total());
    }

    @Test
    void badConfigurationNamesFileLineAndKey() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> BillingEngine.builder()
                .config(BillingConfigLoader.parse(YAML.replace("0.0010", "-1"), "billing.yaml", name -> null)).build());
        assertEquals("billing.yaml:7:16: obs.PER.pricing[0].price: expected a price >= 0, found -1", e.getMessage());
        ConfigurationException unknown = assertThrows(ConfigurationException.class, () -> BillingEngine.builder()
                .config(BillingConfigLoader.parse(YAML.replace("price:", "prize:"), "billing.yaml", name -> null)).build());
        assertEquals("billing.yaml:7:9: obs.PER.pricing[0].prize: unknown key 'prize'; expected one of from, model, price",
                unknown.getMessage());
    }

    @Test
    void byAppChargesEachLineItsCells() {
        PricingContext context = context();
        BigDecimal price = new BigDecimal("0.0010");
        List<AppCharge> apps = new ArrayList<>();
        for (UsageCell cell : context.cellsOf("aura-groot")) {
            apps.add(new AppCharge(cell.appId(), price.multiply(BigDecimal.valueOf(cell.queries()))));
        }
        ComponentCharge groot = ComponentCharge.byApp("aura-groot", apps);
        assertEquals(new BigDecimal("2.0010"), groot.exactAmount());
    }

    @Test
    void sharedSplitsAPoolByEveryCountrysQueries() {
        PricingContext context = context();
        CostShare share = new CostShare(new BigDecimal("1000.00"), context.queriesByCountry("aura-groot"));
        ComponentCharge groot = ComponentCharge.shared("aura-groot", context.ob().country(), share);
        // PER 2001 of 4001 queries: 1000 × 2001 / 4001 to 10 decimals
        assertEquals(new BigDecimal("500.1249687578"), groot.exactAmount());
    }

    @Test
    void feesAndUnpricedUsage() {
        PricingModel model = context -> {
            List<ComponentCharge> charges = new ArrayList<>();
            Map<String, Long> unpriced = new TreeMap<>();
            context.componentQueries().forEach((component, queries) -> {
                if (component.equals("aura-groot")) {
                    charges.add(ComponentCharge.of(component, new BigDecimal("0.0010").multiply(BigDecimal.valueOf(queries))));
                } else {
                    unpriced.put(component, queries);             // no price: the OB's 'unpriced' policy decides
                }
            });
            FeeCharge platform = new FeeCharge("platform-fee", "Monthly platform fee", new BigDecimal("250.00"));
            return PricingResult.of(charges, List.of(platform), unpriced);
        };
        PricingResult result = model.price(context());
        assertEquals(Map.of("aura-nlp", 7L), result.unpriced());
        assertEquals(new BigDecimal("2.0010"), result.components().get(0).exactAmount());
        assertEquals(new BigDecimal("250.00"), result.fees().get(0).exactAmount());
    }
}
