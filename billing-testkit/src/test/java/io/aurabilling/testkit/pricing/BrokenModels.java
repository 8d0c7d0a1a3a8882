package io.aurabilling.testkit.pricing;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.AppCharge;
import io.aurabilling.pricing.ComponentCharge;
import io.aurabilling.pricing.PricingContext;
import io.aurabilling.pricing.PricingModel;
import io.aurabilling.pricing.PricingModelFactory;
import io.aurabilling.pricing.PricingResult;
import io.aurabilling.usage.UsageCell;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/** Deliberately broken models, each breaking one rule of the conformance kit. */
final class BrokenModels {
    /** A cent per query: what the broken models start from. */
    static final BigDecimal CENT = new BigDecimal("0.01");

    private BrokenModels() {
    }

    /** A factory named {@code name} whose models are made by {@code model} (the config is ignored). */
    static PricingModelFactory factory(String name, Function<ConfigNode, PricingModel> model) {
        return new PricingModelFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public PricingModel create(ConfigNode config) {
                return model.apply(config);
            }
        };
    }

    /** Prices each component at the queries of its first cell: depends on cell order. */
    static PricingResult firstCellOnly(PricingContext context) {
        Map<String, ComponentCharge> charges = new TreeMap<>();
        for (UsageCell cell : context.cells()) {
            charges.putIfAbsent(cell.componentId(),
                    ComponentCharge.of(cell.componentId(), CENT.multiply(BigDecimal.valueOf(cell.queries()))));
        }
        return PricingResult.of(new ArrayList<>(charges.values()));
    }

    /** A credit of a cent per query: negative amounts. */
    static PricingResult credit(PricingContext context) {
        List<ComponentCharge> charges = new ArrayList<>();
        context.componentQueries().forEach((c, q) -> charges.add(ComponentCharge.of(c, CENT.negate().multiply(BigDecimal.valueOf(q)))));
        return PricingResult.of(charges);
    }

    /** A seventh of a cent per query divided to 34 digits: not an exact decimal of the money path. */
    static PricingResult sevenths(PricingContext context) {
        List<ComponentCharge> charges = new ArrayList<>();
        context.componentQueries().forEach((c, q) -> charges.add(ComponentCharge.of(c,
                CENT.multiply(BigDecimal.valueOf(q)).divide(BigDecimal.valueOf(7), MathContext.DECIMAL128))));
        return PricingResult.of(charges);
    }

    /** Always charges a component nobody used. */
    static PricingResult phantom(PricingContext context) {
        return PricingResult.of(List.of(ComponentCharge.of("aura-phantom", BigDecimal.ONE)));
    }

    /** Reports one more unpriced query than the component has. */
    static PricingResult overcountsUnpriced(PricingContext context) {
        Map<String, Long> unpriced = new TreeMap<>();
        context.componentQueries().forEach((c, q) -> unpriced.put(c, q + 1));
        return PricingResult.of(List.of(), List.of(), unpriced);
    }

    /** Charges its per-app amounts to an app that did not use the component. */
    static PricingResult wrongApp(PricingContext context) {
        List<ComponentCharge> charges = new ArrayList<>();
        context.componentQueries().forEach((c, q) -> charges.add(ComponentCharge.byApp(c,
                List.of(new AppCharge("app-nobody-uses", CENT.multiply(BigDecimal.valueOf(q)))))));
        return PricingResult.of(charges);
    }

    /** Adds a cent more every time it prices: not deterministic. */
    static final class Drifting implements PricingModel {
        private final AtomicLong calls = new AtomicLong();

        @Override
        public PricingResult price(PricingContext context) {
            long n = calls.incrementAndGet();
            List<ComponentCharge> charges = new ArrayList<>();
            context.componentQueries().forEach((c, q) -> charges.add(ComponentCharge.of(c, CENT.multiply(BigDecimal.valueOf(q + n)))));
            return PricingResult.of(charges);
        }
    }

    /** A fixed charge per model instance: stable on its own, different from the next model created. */
    static PricingModelFactory perInstance() {
        AtomicLong created = new AtomicLong();
        return factory("per-instance", config -> {
            BigDecimal amount = CENT.multiply(BigDecimal.valueOf(created.incrementAndGet()));
            return context -> PricingResult.of(context.componentQueries().keySet().stream()
                    .map(c -> ComponentCharge.of(c, amount)).toList());
        });
    }

    /** Exposes its rate as a double. */
    static final class DoubleRate implements PricingModel {
        /** @return the rate, as a double: what the kit rejects */
        public double rate() {
            return 0.01;
        }

        @Override
        public PricingResult price(PricingContext context) {
            return PricingResult.of(List.of());
        }
    }
}
