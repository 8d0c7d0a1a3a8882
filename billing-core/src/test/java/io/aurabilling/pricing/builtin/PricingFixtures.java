package io.aurabilling.pricing.builtin;

import io.aurabilling.ConfigurationException;
import io.aurabilling.config.ConfigNode;
import io.aurabilling.invoice.OperatingBusiness;
import io.aurabilling.pricing.ComponentCharge;
import io.aurabilling.pricing.PricingContext;
import io.aurabilling.pricing.PricingModel;
import io.aurabilling.pricing.PricingModelFactory;
import io.aurabilling.pricing.PricingResult;
import io.aurabilling.usage.BillingPeriod;
import io.aurabilling.usage.UsageCell;
import io.aurabilling.usage.UsageKey;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Hand-made cells, contexts and configuration trees for the model tests. */
final class PricingFixtures {

    static final BillingPeriod OCTOBER = BillingPeriod.of("2026-10", ZoneOffset.UTC);
    /** Gives every cell its own channel so that hand-made cells never share a key. */
    private static final AtomicInteger CHANNELS = new AtomicInteger();

    private PricingFixtures() {
    }

    /** A BRA cell. */
    static UsageCell cell(String component, String app, String service, String preset, long queries) {
        return cell("BRA", component, app, service, preset, queries);
    }

    /** A cell of any country. */
    static UsageCell cell(String country, String component, String app, String service, String preset, long queries) {
        String channel = "ch" + CHANNELS.incrementAndGet();
        return new UsageCell(new UsageKey(country, LocalDate.of(2026, 10, 1), component, app, channel, service, preset),
                queries);
    }

    /** The BRA OB in EUR, its cells being every cell of the data. */
    static PricingContext context(List<UsageCell> cells) {
        return context("BRA", "EUR", cells, cells);
    }

    /** Any OB and currency; {@code allCells} is every country's billable usage. */
    static PricingContext context(String country, String currency, List<UsageCell> obCells, List<UsageCell> allCells) {
        List<UsageCell> own = new ArrayList<>(obCells);
        Collections.sort(own);
        List<UsageCell> all = new ArrayList<>(allCells);
        Collections.sort(all);
        return new PricingContext(new OperatingBusiness(country, country + " operator"), OCTOBER,
                Currency.getInstance(currency), own, all);
    }

    /** An ordered map from alternating keys and values. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A pricing version mapping: {@code from}, {@code model}, then the model's keys. */
    static ConfigNode version(String model, Object... keysAndValues) {
        Map<String, Object> map = map("from", "2026-01", "model", model);
        map.putAll(map(keysAndValues));
        return ConfigNode.fromValue(map, "test");
    }

    /** A rate {@code {component, service?, preset?, price}}; null service/preset are left out. */
    static Map<String, Object> rate(String component, String service, String preset, String price) {
        Map<String, Object> rate = map("component", component);
        if (service != null) {
            rate.put("service", service);
        }
        if (preset != null) {
            rate.put("preset", preset);
        }
        rate.put("price", price);
        return rate;
    }

    /** Creates the model and prices the context. */
    static PricingResult price(PricingModelFactory factory, ConfigNode config, PricingContext context) {
        PricingModel model = factory.create(config);
        return model.price(context);
    }

    /** The charge of one component, failing when absent. */
    static ComponentCharge charge(PricingResult result, String componentId) {
        return result.components().stream().filter(c -> c.componentId().equals(componentId)).findFirst()
                .orElseGet(() -> fail("no charge for " + componentId + " in " + result));
    }

    /** Compares amounts by value (scales differ with the prices'). */
    static void assertAmount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual),
                () -> "expected " + expected + " but was " + actual.toPlainString());
    }

    /** Asserts that creating the model fails with a configuration error mentioning every fragment. */
    static ConfigurationException assertConfigError(PricingModelFactory factory, ConfigNode config, String... fragments) {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> factory.create(config));
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "message '" + e.getMessage() + "' lacks '" + fragment + "'");
        }
        return e;
    }
}
