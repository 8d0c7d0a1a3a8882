package io.aurabilling.pricing.builtin;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.ComponentCharge;
import io.aurabilling.pricing.PricingResult;
import io.aurabilling.pricing.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
import static io.aurabilling.pricing.builtin.PricingFixtures.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code graduated} and {@code volume}, which share the tier configuration. */
class TieredModelTest {

    private final GraduatedModelFactory graduated = new GraduatedModelFactory();
    private final VolumeModelFactory volume = new VolumeModelFactory();

    /** groot: up to 100 at 0.10, up to 300 at 0.05, then 0.01; every other component "*" at 0.002. */
    private static ConfigNode tiers(String model) {
        return version(model, "tiers", map(
                "groot", List.of(map("up-to", 100, "price", "0.10"), map("up-to", 300, "price", "0.05"),
                        map("price", "0.01")),
                "*", List.of(map("price", "0.002"))));
    }

    /** The component's queries split over two apps, so that volumes are summed per component. */
    private static PricingResult priceGroot(GraduatedModelFactory f, long queries) {
        return price(f, tiers("graduated"), context(List.of(
                cell("groot", "a", "ai", null, queries / 2), cell("groot", "b", "message", null, queries - queries / 2))));
    }

    private static String amounts(ComponentCharge charge) {
        return charge.tiers().stream().map(t -> t.queries() + "@" + t.exactAmount().stripTrailingZeros().toPlainString())
                .toList().toString();
    }

    @ParameterizedTest
    @CsvSource({
        // queries, exact, per tier (queries@amount)
        "1,    0.10,  '[1@0.1, 0@0, 0@0]'",          // 1 × 0.10
        "100,  10.00, '[100@10, 0@0, 0@0]'",         // 100 × 0.10 (boundary: query 100 is in tier 1)
        "101,  10.05, '[100@10, 1@0.05, 0@0]'",      // 10.00 + 1 × 0.05
        "300,  20.00, '[100@10, 200@10, 0@0]'",      // 10.00 + 200 × 0.05
        "301,  20.01, '[100@10, 200@10, 1@0.01]'",   // 20.00 + 1 × 0.01
        "1000, 27.00, '[100@10, 200@10, 700@7]'",    // 20.00 + 700 × 0.01
    })
    void graduatedPricesEachTierAtItsOwnPrice(long queries, String exact, String perTier) {
        ComponentCharge groot = charge(priceGroot(graduated, queries), "groot");
        assertAmount(exact, groot.exactAmount());
        assertEquals(perTier.replace(" ", ""), amounts(groot).replace(" ", ""));
        assertEquals(Arrays.asList(100L, 300L, null), groot.tiers().stream().map(Tier::upTo).toList());
        assertEquals(List.of("0.10", "0.05", "0.01"),
                groot.tiers().stream().map(t -> t.unitPrice().toPlainString()).toList());
        assertTrue(groot.apps().isEmpty(), "priced as a whole");
    }

    @ParameterizedTest
    @CsvSource({
        "1,   0.10,  '[1@0.1, 0@0, 0@0]'",     // 1 × 0.10
        "100, 10.00, '[100@10, 0@0, 0@0]'",    // 100 × 0.10
        "101, 5.05,  '[0@0, 101@5.05, 0@0]'",  // 101 × 0.05
        "300, 15.00, '[0@0, 300@15, 0@0]'",    // 300 × 0.05
        "301, 3.01,  '[0@0, 0@0, 301@3.01]'",  // 301 × 0.01
    })
    void volumePricesEveryQueryAtTheTierReached(long queries, String exact, String perTier) {
        PricingResult result = price(volume, tiers("volume"), context(List.of(
                cell("groot", "a", "ai", null, queries / 2), cell("groot", "b", "message", null, queries - queries / 2))));
        ComponentCharge groot = charge(result, "groot");
        assertAmount(exact, groot.exactAmount());
        assertEquals(perTier.replace(" ", ""), amounts(groot).replace(" ", ""));
        assertEquals(3, groot.tiers().size());
    }

    @Test
    void usesTheStarTiersForOtherComponentsAndReportsUnpricedOnes() {
        PricingResult result = price(graduated, tiers("graduated"), context(List.of(
                cell("zeta", "a", "ai", null, 500), cell("groot", "a", "ai", null, 2))));
        assertEquals(List.of("groot", "zeta"), result.components().stream().map(ComponentCharge::componentId).toList());
        assertAmount("1.000", charge(result, "zeta").exactAmount()); // 500 × 0.002
        Tier only = charge(result, "zeta").tiers().get(0);
        assertNull(only.upTo());
        assertEquals(500, only.queries());

        ConfigNode grootOnly = version("volume", "tiers", map("groot", List.of(map("price", "0.01"))));
        PricingResult partial = price(volume, grootOnly, context(List.of(
                cell("zeta", "a", "ai", null, 500), cell("groot", "a", "ai", null, 2))));
        assertEquals(Map.of("zeta", 500L), partial.unpriced());
        assertAmount("0.02", charge(partial, "groot").exactAmount()); // 2 × 0.01
    }

    @Test
    void rejectsBadTiers() {
        for (var f : List.of(graduated, volume)) {
            String m = f.name();
            assertConfigError(f, version(m, "tiers", map("groot", List.of(map("up-to", 100, "price", "0.1"),
                    map("up-to", 100, "price", "0.05"), map("price", "0.01")))),
                    "tiers.groot[1].up-to", "greater than the previous", "100");
            assertConfigError(f, version(m, "tiers", map("groot", List.of(map("up-to", 100, "price", "0.1"),
                    map("up-to", 50, "price", "0.05"), map("price", "0.01")))), "tiers.groot[1].up-to", "strictly increase");
            assertConfigError(f, version(m, "tiers", map("groot", List.of(map("up-to", 100, "price", "0.1")))),
                    "tiers.groot[0].up-to", "last tier must have no up-to");
            assertConfigError(f, version(m, "tiers", map("groot", List.of(map("price", "0.1"), map("price", "0.05")))),
                    "tiers.groot[0]", "every tier but the last needs up-to");
            assertConfigError(f, version(m, "tiers", map("groot", List.of(map("up-to", 0, "price", "0.1"), map("price", "0")))),
                    "tiers.groot[0].up-to", ">= 1");
            assertConfigError(f, version(m, "tiers", map("groot", List.of(map("up-to", "1.5", "price", "0.1"), map("price", "0")))),
                    "tiers.groot[0].up-to", "whole number");
            assertConfigError(f, version(m, "tiers", map("groot", List.of(map("price", "-0.01")))), "tiers.groot[0].price", ">= 0");
            assertConfigError(f, version(m, "tiers", map("groot", List.of(map("up-to", 5), map("price", "0.1")))),
                    "tiers.groot[0].price", "missing");
            assertConfigError(f, version(m, "tiers", map("groot", List.of(map("price", "0.1", "upto", 5)))),
                    "tiers.groot[0].upto", "unknown key");
            assertConfigError(f, version(m, "tiers", map("groot", List.of())), "tiers.groot", "at least one tier");
            assertConfigError(f, version(m, "tiers", map()), "tiers", "at least one component");
            assertConfigError(f, version(m, "tiers", List.of()), "tiers", "mapping");
            assertConfigError(f, version(m), "tiers", "missing");
            assertConfigError(f, version(m, "tiers", map("*", List.of(map("price", "0.1"))), "rates", List.of()),
                    "rates", "unknown key");
        }
    }
}
