package io.aurabilling.pricing.builtin;

import io.aurabilling.pricing.AppCharge;
import io.aurabilling.pricing.ComponentCharge;
import io.aurabilling.pricing.PricingResult;
import io.aurabilling.usage.UsageCell;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.aurabilling.pricing.builtin.PricingFixtures.assertAmount;
import static io.aurabilling.pricing.builtin.PricingFixtures.assertConfigError;
import static io.aurabilling.pricing.builtin.PricingFixtures.cell;
import static io.aurabilling.pricing.builtin.PricingFixtures.charge;
import static io.aurabilling.pricing.builtin.PricingFixtures.context;
import static io.aurabilling.pricing.builtin.PricingFixtures.map;
import static io.aurabilling.pricing.builtin.PricingFixtures.price;
import static io.aurabilling.pricing.builtin.PricingFixtures.rate;
import static io.aurabilling.pricing.builtin.PricingFixtures.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerQueryModelTest {

    private final PerQueryModelFactory factory = new PerQueryModelFactory();

    private static io.aurabilling.config.ConfigNode rates(Object... rates) {
        return version("per-query", "rates", Arrays.asList(rates));
    }

    @Test
    void hasItsName() {
        assertEquals("per-query", factory.name());
    }

    @Test
    void picksTheMostSpecificRateAtEveryLevel() {
        var config = rates(
                rate("*", null, null, "0.0005"),
                rate("*", "ai", null, "0.0020"),
                rate("groot", null, null, "0.0010"),
                rate("groot", "ai", null, "0.0040"),
                rate("groot", "ai", "gpt-4o", "0.0125"));
        List<UsageCell> cells = List.of(
                cell("groot", "appA", "ai", "gpt-4o", 100),    // component+service+preset: 100 × 0.0125 = 1.25
                cell("groot", "appB", "ai", null, 1000),       // component+service: 1000 × 0.0040 = 4.00
                cell("groot", "appB", "ai", "gpt-4o-mini", 10), // preset differs → component+service: 10 × 0.0040 = 0.04
                cell("groot", "appB", "message", null, 200),   // component: 200 × 0.0010 = 0.20
                cell("nlp", "appA", "ai", null, 50),           // "*" + service: 50 × 0.0020 = 0.10
                cell("nlp", "appA", "message", null, 300));    // "*": 300 × 0.0005 = 0.15
        PricingResult result = price(factory, config, context(cells));

        assertEquals(List.of("groot", "nlp"), result.components().stream().map(ComponentCharge::componentId).toList());
        ComponentCharge groot = charge(result, "groot");
        assertEquals(2, groot.apps().size());
        assertEquals("appA", groot.apps().get(0).appId());
        assertAmount("1.25", groot.apps().get(0).exactAmount());
        assertEquals("appB", groot.apps().get(1).appId());
        // appB mixes three rates: 4.00 + 0.04 + 0.20 = 4.24 over 1210 queries
        assertAmount("4.24", groot.apps().get(1).exactAmount());
        assertAmount("5.49", groot.exactAmount()); // 1.25 + 4.24
        ComponentCharge nlp = charge(result, "nlp");
        assertAmount("0.25", nlp.exactAmount()); // 0.10 + 0.15
        assertTrue(result.unpriced().isEmpty());
        assertTrue(result.fees().isEmpty());
        assertTrue(groot.tiers().isEmpty());
        assertNull(groot.costShare());
    }

    @Test
    void aPresetRateBeatsAServiceRate() {
        var config = rates(rate("groot", "ai", null, "0.0040"), rate("groot", null, "gpt-4o", "0.0100"));
        PricingResult result = price(factory, config, context(List.of(cell("groot", "a", "ai", "gpt-4o", 10))));
        assertAmount("0.1", charge(result, "groot").exactAmount()); // 10 × 0.0100, not 10 × 0.0040
    }

    @Test
    void anExactComponentBeatsAStarWithServiceAndPreset() {
        var config = rates(rate("*", "ai", "gpt-4o", "0.0500"), rate("groot", null, null, "0.0010"));
        PricingResult result = price(factory, config, context(List.of(cell("groot", "a", "ai", "gpt-4o", 10))));
        assertAmount("0.01", charge(result, "groot").exactAmount()); // 10 × 0.0010
    }

    @Test
    void keepsTheConfiguredScaleAndOrdersAppsWithTheUnattributedLast() {
        var config = rates(rate("groot", null, null, "0.0010"));
        List<UsageCell> cells = List.of(
                cell("groot", null, "message", null, 7),    // 7 × 0.0010 = 0.0070
                cell("groot", "zeta", "message", null, 3),  // 0.0030
                cell("groot", "alpha", "message", null, 2), // 0.0020
                cell("groot", "alpha", "other", null, 5));  // 0.0050 → alpha 0.0070
        ComponentCharge groot = charge(price(factory, config, context(cells)), "groot");
        assertEquals(Arrays.asList("alpha", "zeta", null), groot.apps().stream().map(AppCharge::appId).toList());
        assertEquals(List.of("0.0070", "0.0030", "0.0070"),
                groot.apps().stream().map(a -> a.exactAmount().toPlainString()).toList());
        assertEquals("0.0170", groot.exactAmount().toPlainString());
    }

    @Test
    void cellsWithoutARateAreUnpricedAndNotCharged() {
        var config = rates(rate("groot", "ai", null, "0.0040"));
        List<UsageCell> cells = List.of(
                cell("groot", "a", "ai", null, 100),      // 100 × 0.0040 = 0.40
                cell("groot", "a", "message", null, 70),  // no rate
                cell("groot", "b", "nlpaas", null, 5),    // no rate
                cell("nlp", "a", "ai", null, 9));         // no rate
        PricingResult result = price(factory, config, context(cells));
        assertEquals(1, result.components().size());
        ComponentCharge groot = charge(result, "groot");
        assertAmount("0.40", groot.exactAmount());
        assertEquals(1, groot.apps().size());
        assertEquals(Map.of("groot", 75L, "nlp", 9L), result.unpriced());
    }

    @Test
    void rejectsTwoRatesWithTheSameSelector() {
        var config = rates(rate("groot", "ai", null, "0.0040"), rate("groot", "ai", null, "0.0050"));
        assertConfigError(factory, config, "rates[1]", "groot", "already configured");
    }

    @Test
    void rejectsBadRates() {
        assertConfigError(factory, rates(rate("groot", "voice", null, "0.1")), "rates[0].service", "voice", "ai, message, nlpaas, other");
        assertConfigError(factory, rates(rate("groot", null, null, "-0.1")), "rates[0].price", ">= 0");
        assertConfigError(factory, rates(map("component", "groot")), "rates[0].price", "missing");
        assertConfigError(factory, rates(map("price", "0.1")), "rates[0].component", "missing");
        assertConfigError(factory, rates(rate("groot", null, null, "0.00000000001")), "rates[0].price", "at most 10 decimals");
        assertConfigError(factory, rates(rate("groot", null, null, "cheap")), "rates[0].price", "decimal number");
        assertConfigError(factory, rates(map("component", "groot", "price", "0.1", "currency", "EUR")),
                "rates[0].currency", "unknown key");
        assertConfigError(factory, rates(), "rates", "at least one rate");
        assertConfigError(factory, version("per-query"), "rates", "missing");
        assertConfigError(factory, version("per-query", "rates", List.of(rate("groot", null, null, "0.1")), "tiers", "x"),
                "tiers", "unknown key");
        assertConfigError(factory, version("per-query", "rates", "0.1"), "rates", "expected a list");
    }

    @Test
    void acceptsTenDecimals() {
        var config = rates(rate("groot", null, null, "0.0000000001"));
        PricingResult result = price(factory, config, context(List.of(cell("groot", "a", "ai", null, 3))));
        assertEquals("0.0000000003", charge(result, "groot").exactAmount().toPlainString());
    }
}
