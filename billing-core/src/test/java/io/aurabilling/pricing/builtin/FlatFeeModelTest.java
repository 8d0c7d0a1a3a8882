package io.aurabilling.pricing.builtin;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.FeeCharge;
import io.aurabilling.pricing.PricingResult;
import io.aurabilling.usage.UsageCell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlatFeeModelTest {

    private final FlatFeeModelFactory factory = new FlatFeeModelFactory();

    /** groot: 1 query at the ai rate 4.00 and 2 at the component rate 3.00, so A = 4 + 6 = 10 for q = 3. */
    private final List<UsageCell> grootCells = List.of(
            cell("groot", "a", "ai", null, 1),
            cell("groot", "b", "message", null, 2));

    private static ConfigNode config(Object included) {
        return version("flat-fee", "fee", "2500.00", "included", included,
                "overage", List.of(rate("groot", "ai", null, "4.00"), rate("groot", null, null, "3.00")));
    }

    @ParameterizedTest
    @CsvSource({
        "5, 0",             // below: q = 3 <= 5 included
        "3, 0",             // at: q = 3 <= 3 included
        "2, 3.3333333333",  // above: 10 × (3 − 2) / 3 = 10 / 3
        "1, 6.6666666667",  // above: 10 × (3 − 1) / 3 = 20 / 3, one division (not 10 × round(2/3))
        "0, 10",            // nothing included: 10 × 3 / 3
    })
    void chargesTheOverageFractionAsOneDivision(long included, String exact) {
        PricingResult result = price(factory, config(map("groot", included)), context(grootCells));
        assertAmount(exact, charge(result, "groot").exactAmount());
        assertTrue(result.unpriced().isEmpty());
        assertEquals(List.of(new FeeCharge("flat-fee", "Flat fee", new java.math.BigDecimal("2500.00"))), result.fees());
    }

    @Test
    void theOneDivisionKeepsTenDecimals() {
        PricingResult result = price(factory, config(map("groot", 1)), context(grootCells));
        assertEquals("6.6666666667", charge(result, "groot").exactAmount().toPlainString());
    }

    @Test
    void usesTheStarIncludedAndZeroWithoutAny() {
        ConfigNode config = version("flat-fee", "fee", "100", "included", map("*", 2),
                "overage", List.of(rate("*", null, null, "0.0007")));
        PricingResult result = price(factory, config, context(List.of(
                cell("groot", "a", "ai", null, 1),      // 1 <= 2 included → 0
                cell("nlp", "a", "ai", null, 10))));    // A = 10 × 0.0007 = 0.0070; 0.0070 × 8 / 10 = 0.0056
        assertAmount("0", charge(result, "groot").exactAmount());
        assertAmount("0.0056", charge(result, "nlp").exactAmount());

        ConfigNode noIncluded = version("flat-fee", "fee", "100", "overage", List.of(rate("*", null, null, "0.0007")));
        PricingResult all = price(factory, noIncluded, context(List.of(cell("groot", "a", "ai", null, 3))));
        assertAmount("0.0021", charge(all, "groot").exactAmount()); // 0.0021 × 3 / 3
    }

    @Test
    void cellsWithoutAnOverageRateAreUnpricedAboveTheIncludedQueries() {
        ConfigNode config = version("flat-fee", "fee", "2500.00", "included", map("groot", 1),
                "overage", List.of(rate("groot", "ai", null, "4.00")));
        // q = 3 > 1: A covers the priced ai cell only = 1 × 4.00; exact = 4 × (3 − 1) / 3 = 2.6666666667
        PricingResult result = price(factory, config, context(grootCells));
        assertEquals("2.6666666667", charge(result, "groot").exactAmount().toPlainString());
        assertEquals(Map.of("groot", 2L), result.unpriced());

        // below the included queries nothing is unpriced: the queries are free
        PricingResult free = price(factory, version("flat-fee", "fee", "1", "included", map("groot", 3)),
                context(grootCells));
        assertAmount("0", charge(free, "groot").exactAmount());
        assertTrue(free.unpriced().isEmpty());

        // above them without any overage rate the whole component is unpriced and not charged
        PricingResult none = price(factory, version("flat-fee", "fee", "1"), context(grootCells));
        assertTrue(none.components().isEmpty());
        assertEquals(Map.of("groot", 3L), none.unpriced());
        assertAmount("1", none.fees().get(0).exactAmount());
    }

    @Test
    void rejectsBadConfiguration() {
        assertConfigError(factory, version("flat-fee"), "fee", "missing");
        assertConfigError(factory, version("flat-fee", "fee", "-1"), "fee", ">= 0");
        assertConfigError(factory, version("flat-fee", "fee", "lots"), "fee", "decimal number");
        assertConfigError(factory, version("flat-fee", "fee", "1", "included", map("groot", -5)),
                "included.groot", ">= 0");
        assertConfigError(factory, version("flat-fee", "fee", "1", "included", map("groot", "2.5")),
                "included.groot", "whole number");
        assertConfigError(factory, version("flat-fee", "fee", "1", "included", List.of(1)), "included", "mapping");
        assertConfigError(factory, version("flat-fee", "fee", "1",
                "overage", List.of(rate("*", null, null, "1"), rate("*", null, null, "2"))), "overage[1]", "already configured");
        assertConfigError(factory, version("flat-fee", "fee", "1", "overage", List.of(rate("*", "sms", null, "1"))),
                "overage[0].service", "sms");
        assertConfigError(factory, version("flat-fee", "fee", "1", "minimum", "5"), "minimum", "unknown key");
    }
}
