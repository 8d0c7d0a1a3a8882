package io.aurabilling.pricing.builtin;

import io.aurabilling.ConfigurationException;
import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.ComponentCharge;
import io.aurabilling.pricing.PricingResult;
import io.aurabilling.usage.UsageCell;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.aurabilling.pricing.builtin.PricingFixtures.assertAmount;
import static io.aurabilling.pricing.builtin.PricingFixtures.assertConfigError;
import static io.aurabilling.pricing.builtin.PricingFixtures.cell;
import static io.aurabilling.pricing.builtin.PricingFixtures.charge;
import static io.aurabilling.pricing.builtin.PricingFixtures.context;
import static io.aurabilling.pricing.builtin.PricingFixtures.map;
import static io.aurabilling.pricing.builtin.PricingFixtures.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CostSharingModelTest {

    private final CostSharingModelFactory factory = new CostSharingModelFactory();

    // groot: BRA 2 (over two cells), ESP 3, COL 1 → Q = 6; nlp: COL 7, ESP 3 → Q = 10
    private final List<UsageCell> bra = List.of(cell("BRA", "groot", "a", "ai", null, 1), cell("BRA", "groot", "b", "ai", null, 1));
    private final List<UsageCell> esp = List.of(cell("ESP", "groot", "a", "ai", null, 3), cell("ESP", "nlp", "a", "ai", null, 3));
    private final List<UsageCell> col = List.of(cell("COL", "groot", "a", "ai", null, 1), cell("COL", "nlp", "a", "ai", null, 7),
            cell("COL", "vision", "a", "ai", null, 4));
    private final List<UsageCell> all = Stream.of(bra, esp, col).flatMap(List::stream).toList();

    private static ConfigNode pools(Object pool) {
        return version("cost-sharing", "pool", pool);
    }

    @Test
    void sharesEachPoolInProportionToEveryCountrysQueries() {
        ConfigNode config = pools(map("groot", "100.00", "*", "45000"));
        PricingResult forCol = factory.create(config).price(context("COL", "EUR", col, all));

        ComponentCharge groot = charge(forCol, "groot");
        assertEquals("16.6666666667", groot.exactAmount().toPlainString()); // 100.00 × 1 / 6
        assertNotNull(groot.costShare());
        assertAmount("100.00", groot.costShare().pool());
        assertEquals(Map.of("BRA", 2L, "COL", 1L, "ESP", 3L), groot.costShare().queriesByCountry());
        assertEquals(6, groot.costShare().totalQueries());

        assertEquals("31500.0000000000", charge(forCol, "nlp").exactAmount().toPlainString()); // 45000 × 7 / 10
        assertEquals("45000.0000000000", charge(forCol, "vision").exactAmount().toPlainString()); // only COL: 45000 × 4 / 4
        assertEquals(List.of("groot", "nlp", "vision"), forCol.components().stream().map(ComponentCharge::componentId).toList());

        PricingResult forBra = factory.create(config).price(context("BRA", "EUR", bra, all));
        assertEquals("33.3333333333", charge(forBra, "groot").exactAmount().toPlainString()); // 100.00 × 2 / 6
        assertEquals(1, forBra.components().size(), "BRA used no nlp: it pays nothing for it");
        PricingResult forEsp = factory.create(config).price(context("ESP", "EUR", esp, all));
        assertEquals("50.0000000000", charge(forEsp, "groot").exactAmount().toPlainString()); // 100.00 × 3 / 6
        assertEquals("13500.0000000000", charge(forEsp, "nlp").exactAmount().toPlainString()); // 45000 × 3 / 10
    }

    @Test
    void componentsWithoutAPoolAreUnpriced() {
        PricingResult result = factory.create(pools(map("groot", "100"))).price(context("COL", "EUR", col, all));
        assertEquals(Map.of("nlp", 7L, "vision", 4L), result.unpriced());
        assertEquals(1, result.components().size());
    }

    @Test
    void rejectsAPoolFinerThanTheCurrencyWhenPricing() {
        var model = factory.create(pools(map("groot", "100.005")));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> model.price(context("COL", "EUR", col, all)));
        assertTrue(e.getMessage().contains("groot") && e.getMessage().contains("100.005") && e.getMessage().contains("EUR"),
                e.getMessage());

        var yen = factory.create(pools(map("*", "100.5")));
        ConfigurationException viaStar = assertThrows(ConfigurationException.class,
                () -> yen.price(context("COL", "JPY", col, all)));
        assertTrue(viaStar.getMessage().contains("groot") && viaStar.getMessage().contains("100.5"), viaStar.getMessage());

        // trailing zeros do not count: 100.500 is 100.50 in EUR, 100.0 is 100 in JPY
        // and the pool is handed to the engine at the currency's scale
        assertEquals("100.50", charge(factory.create(pools(map("groot", "100.500"))).price(context("COL", "EUR", col, all)),
                "groot").costShare().pool().toPlainString());
        PricingResult inYen = factory.create(pools(map("*", "100.0"))).price(context("COL", "JPY", col, all));
        assertEquals("100", charge(inYen, "groot").costShare().pool().toPlainString());
        assertEquals(3, inYen.components().size());
    }

    @Test
    void rejectsBadPools() {
        assertConfigError(factory, pools(map("groot", "-1")), "pool.groot", ">= 0");
        assertConfigError(factory, pools(map("groot", "a lot")), "pool.groot", "decimal number");
        assertConfigError(factory, pools(map()), "pool", "at least one component");
        assertConfigError(factory, pools("100"), "pool", "mapping");
        assertConfigError(factory, version("cost-sharing"), "pool", "missing");
        assertConfigError(factory, version("cost-sharing", "pool", map("groot", "1"), "pools", "2"), "pools", "unknown key");
    }
}
