package io.aurabilling.engine;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.AppCharge;
import io.aurabilling.pricing.ComponentCharge;
import io.aurabilling.pricing.FeeCharge;
import io.aurabilling.pricing.PricingModel;
import io.aurabilling.pricing.PricingModelFactory;
import io.aurabilling.pricing.PricingResult;
import io.aurabilling.usage.UsageCell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A custom model as a plugin author would write it, found through this test source set's
 * {@code META-INF/services}: every query at one {@code price}, plus an optional
 * {@code fee}; components listed in {@code unpriced} get no price.
 */
public final class FixedRateModelFactory implements PricingModelFactory {
    @Override
    public String name() {
        return "test-fixed-rate";
    }

    @Override
    public PricingModel create(ConfigNode config) {
        config.allowOnly("from", "model", "price", "fee", "unpriced");
        BigDecimal price = config.required("price", "a price per query").asDecimal();
        BigDecimal fee = config.get("fee").map(ConfigNode::asDecimal).orElse(null);
        List<String> unpriced = new ArrayList<>();
        config.get("unpriced").ifPresent(n -> n.elements().forEach(e -> unpriced.add(e.asText())));
        return context -> {
            Map<String, Map<String, BigDecimal>> byComponent = new TreeMap<>();
            Map<String, Long> missing = new TreeMap<>();
            for (UsageCell cell : context.cells()) {
                if (unpriced.contains(cell.componentId())) {
                    missing.merge(cell.componentId(), cell.queries(), Long::sum);
                    continue;
                }
                byComponent.computeIfAbsent(cell.componentId(), k -> new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder())))
                        .merge(cell.appId(), price.multiply(BigDecimal.valueOf(cell.queries())), BigDecimal::add);
            }
            List<ComponentCharge> charges = new ArrayList<>();
            byComponent.forEach((component, apps) -> {
                List<AppCharge> appCharges = new ArrayList<>();
                apps.forEach((app, amount) -> appCharges.add(new AppCharge(app, amount)));
                charges.add(ComponentCharge.byApp(component, appCharges));
            });
            List<FeeCharge> fees = fee == null ? List.of() : List.of(new FeeCharge("test-fee", "Test fee", fee));
            return PricingResult.of(charges, fees, missing);
        };
    }
}
