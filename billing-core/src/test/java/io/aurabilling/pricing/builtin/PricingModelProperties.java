package io.aurabilling.pricing.builtin;

import io.aurabilling.invoice.OperatingBusiness;
import io.aurabilling.pricing.ComponentCharge;
import io.aurabilling.pricing.PricingContext;
import io.aurabilling.pricing.PricingModel;
import io.aurabilling.pricing.PricingResult;
import io.aurabilling.pricing.Tier;
import io.aurabilling.usage.UsageCell;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.aurabilling.pricing.builtin.PricingFixtures.cell;
import static io.aurabilling.pricing.builtin.PricingFixtures.context;
import static io.aurabilling.pricing.builtin.PricingFixtures.map;
import static io.aurabilling.pricing.builtin.PricingFixtures.rate;
import static io.aurabilling.pricing.builtin.PricingFixtures.version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PricingModelProperties {

    /**
     * A per-query rate card with every kind of selector; without a plain "*" rate, c2 cells that are
     * neither ai nor preset p2 and c3 cells that are not ai are unpriced.
     */
    private static final PricingModel PER_QUERY = new PerQueryModelFactory().create(version("per-query", "rates", List.of(
            rate("*", "ai", null, "0.0021"),
            rate("c1", null, null, "0.001"),
            rate("c1", "ai", null, "0.0040"),
            rate("c1", "ai", "p1", "0.0125"),
            rate("c2", null, "p2", "1.5"))));

    @Property(tries = 1000)
    void graduatedAmountNeverDecreasesAsQueriesGrow(@ForAll("tiers") List<Map<String, Object>> tiers,
                                                    @ForAll @LongRange(min = 0, max = 2_000_000) long queries,
                                                    @ForAll @LongRange(min = 0, max = 1_000) long more) {
        PricingModel model = new GraduatedModelFactory().create(version("graduated", "tiers", map("*", tiers)));
        ComponentCharge fewer = grootCharge(model, queries);
        ComponentCharge larger = grootCharge(model, queries + more);
        assertTrue(fewer.exactAmount().compareTo(larger.exactAmount()) <= 0,
                () -> queries + " queries cost " + fewer.exactAmount() + " but " + (queries + more) + " cost "
                        + larger.exactAmount());
        // every query lands in exactly one tier, and the tiers add up to the component
        assertEquals(queries, fewer.tiers().stream().mapToLong(Tier::queries).sum());
        assertEquals(0, fewer.tiers().stream().map(Tier::exactAmount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .compareTo(fewer.exactAmount()));
        assertEquals(tiers.size(), fewer.tiers().size());
    }

    @Property(tries = 1000)
    void perQueryResultDoesNotDependOnCellOrder(@ForAll("cells") List<UsageCell> cells, @ForAll long seed) {
        List<UsageCell> shuffled = new ArrayList<>(cells);
        Collections.shuffle(shuffled, new Random(seed));
        // the context copies the list as given, without sorting, to really hand the model another order
        PricingResult inOrder = PER_QUERY.price(unsorted(cells));
        PricingResult reordered = PER_QUERY.price(unsorted(shuffled));
        assertEquals(inOrder, reordered);
        long unpriced = cells.stream().filter(c -> !c.key().service().equals("ai")
                        && (c.componentId().equals("c3") || c.componentId().equals("c2") && !"p2".equals(c.key().preset())))
                .mapToLong(UsageCell::queries).sum();
        assertEquals(unpriced, reordered.unpriced().values().stream().mapToLong(Long::longValue).sum());
    }

    private static PricingContext unsorted(List<UsageCell> cells) {
        return new PricingContext(new OperatingBusiness("BRA", "Brasil"), PricingFixtures.OCTOBER,
                Currency.getInstance("EUR"), cells, cells);
    }

    private static ComponentCharge grootCharge(PricingModel model, long queries) {
        PricingResult result = model.price(context(List.of(cell("groot", "a", "ai", null, queries))));
        return result.components().get(0);
    }

    /** 1 to 5 tiers, up-to strictly increasing, prices 0 to 10 with 0 to 10 decimals. */
    @Provide
    Arbitrary<List<Map<String, Object>>> tiers() {
        Arbitrary<BigDecimal> prices = Combinators.combine(
                Arbitraries.longs().between(0, 10_000_000_000L), Arbitraries.integers().between(0, 10))
                .as((unscaled, scale) -> BigDecimal.valueOf(unscaled % (10L * BigDecimal.TEN.pow(scale).longValue() + 1), scale));
        Arbitrary<List<Long>> steps = Arbitraries.longs().between(1, 500_000).list().ofMinSize(0).ofMaxSize(4);
        return Combinators.combine(steps, prices.list().ofSize(5)).as((gaps, priceList) -> {
            List<Map<String, Object>> tiers = new ArrayList<>();
            long upTo = 0;
            for (int i = 0; i < gaps.size(); i++) {
                upTo += gaps.get(i);
                tiers.add(map("up-to", upTo, "price", priceList.get(i)));
            }
            tiers.add(map("price", priceList.get(gaps.size())));
            return tiers;
        });
    }

    /** Cells over a few components, apps (with the unattributed one), services and presets. */
    @Provide
    Arbitrary<List<UsageCell>> cells() {
        Arbitrary<String> components = Arbitraries.of("c1", "c2", "c3");
        Arbitrary<String> apps = Arbitraries.of("a1", "a2", "a3").injectNull(0.2);
        Arbitrary<String> services = Arbitraries.of("message", "nlpaas", "ai", "other");
        Arbitrary<String> presets = Arbitraries.of("p1", "p2").injectNull(0.4);
        Arbitrary<Long> queries = Arbitraries.longs().between(0, 1_000_000);
        return Combinators.combine(components, apps, services, presets, queries)
                .as((component, app, service, preset, q) -> cell(component, app, service, preset, q))
                .list().ofMaxSize(30);
    }
}
