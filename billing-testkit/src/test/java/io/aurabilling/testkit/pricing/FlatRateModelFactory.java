package io.aurabilling.testkit.pricing;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.ComponentCharge;
import io.aurabilling.pricing.PricingModel;
import io.aurabilling.pricing.PricingModelFactory;
import io.aurabilling.pricing.PricingResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The custom model of docs/plugins.md: every query of every component at one price. */
public final class FlatRateModelFactory implements PricingModelFactory {
    @Override
    public String name() {
        return "flat-rate";
    }

    @Override
    public PricingModel create(ConfigNode config) {
        config.allowOnly("from", "model", "price");            // reject keys we do not know
        ConfigNode priceNode = config.required("price", "a price per query >= 0 such as 0.0010");
        BigDecimal price = priceNode.asDecimal();              // exact, never through double
        if (price.signum() < 0) {
            throw priceNode.error("expected a price >= 0, found " + price.toPlainString());
        }
        return context -> {
            List<ComponentCharge> charges = new ArrayList<>();
            context.componentQueries().forEach((component, queries) ->
                    charges.add(ComponentCharge.of(component, price.multiply(BigDecimal.valueOf(queries)))));
            return PricingResult.of(charges);                   // exact amounts: the engine rounds
        };
    }
}
