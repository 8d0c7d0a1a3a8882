package io.aurabilling.pricing.builtin;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.ComponentCharge;
import io.aurabilling.pricing.PricingResult;
import io.aurabilling.pricing.Tier;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.aurabilling.pricing.builtin.PricingFixtures.assertAmount;
import static io.aurabilling.pricing.builtin.PricingFixtures.assertConfigError;
import static io.aurabilling.pricing.builtin.PricingFixtures.cell;
import static io.aurabilling.pricing.builtin.PricingFixtures.charge;
import static io.aurabilling.pricing.builtin.PricingFixtures.context;
import static io.aurabilling.pricing.builtin.PricingFixtures.map;
import static io.aurabilling.pricing.builtin.PricingFixtures.price;
import static io.aurabilling.pricing.builtin.PricingFixtures.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackageModelTest {

    private final PackageModelFactory factory = new PackageModelFactory();

    /** groot: packages of 1000 at 4.50; "*": packages of 10 at 0.25. */
    private final ConfigNode config = version("package", "packages", map(
            "groot", map("size", 1000, "price", "4.50"),
            "*", map("size", 10, "price", "0.25")));

    @Test
    void anExactMultiplePaysExactlyThosePackages() {
        ComponentCharge groot = charge(price(factory, config, context(List.of(
                cell("groot", "a", "ai", null, 1000), cell("groot", "b", "ai", null, 2000)))), "groot");
        assertAmount("13.50", groot.exactAmount()); // ceil(3000 / 1000) = 3 packages × 4.50
        assertEquals(1, groot.tiers().size());
        Tier entry = groot.tiers().get(0);
        assertTrue(entry.isPackage());
        assertNull(entry.upTo());
        assertEquals(3000, entry.queries());
        assertEquals(3L, entry.packages());
        assertEquals(1000L, entry.size());
        assertEquals("4.50", entry.unitPrice().toPlainString());
        assertAmount("13.50", entry.exactAmount());
    }

    @Test
    void oneQueryOverStartsAPackage() {
        PricingResult result = price(factory, config, context(List.of(
                cell("groot", "a", "ai", null, 3001), cell("nlp", "a", "ai", null, 1))));
        assertAmount("18.00", charge(result, "groot").exactAmount()); // ceil(3001 / 1000) = 4 × 4.50
        assertEquals(4L, charge(result, "groot").tiers().get(0).packages());
        assertAmount("0.25", charge(result, "nlp").exactAmount());    // "*": ceil(1 / 10) = 1 × 0.25
        assertTrue(result.unpriced().isEmpty());
    }

    @Test
    void componentsWithoutPackagesAreUnpriced() {
        ConfigNode grootOnly = version("package", "packages", map("groot", map("size", 1, "price", "0.003")));
        PricingResult result = price(factory, grootOnly, context(List.of(
                cell("groot", "a", "ai", null, 7), cell("nlp", "a", "ai", null, 4))));
        assertAmount("0.021", charge(result, "groot").exactAmount()); // 7 packages of 1 × 0.003
        assertEquals(Map.of("nlp", 4L), result.unpriced());
        assertEquals(1, result.components().size());
    }

    @Test
    void rejectsBadPackages() {
        assertConfigError(factory, version("package", "packages", map("groot", map("size", 0, "price", "1"))),
                "packages.groot.size", ">= 1");
        assertConfigError(factory, version("package", "packages", map("groot", map("size", "2.5", "price", "1"))),
                "packages.groot.size", "whole number");
        assertConfigError(factory, version("package", "packages", map("groot", map("price", "1"))),
                "packages.groot.size", "missing");
        assertConfigError(factory, version("package", "packages", map("groot", map("size", 10))),
                "packages.groot.price", "missing");
        assertConfigError(factory, version("package", "packages", map("groot", map("size", 10, "price", "-1"))),
                "packages.groot.price", ">= 0");
        assertConfigError(factory, version("package", "packages", map("groot", map("size", 10, "price", "1", "tax", "2"))),
                "packages.groot.tax", "unknown key");
        assertConfigError(factory, version("package", "packages", map("groot", "10")), "packages.groot", "mapping");
        assertConfigError(factory, version("package"), "packages", "missing");
    }
}
