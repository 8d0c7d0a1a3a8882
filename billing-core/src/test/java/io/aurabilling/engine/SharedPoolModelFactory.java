package io.aurabilling.engine;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.ComponentCharge;
import io.aurabilling.pricing.CostShare;
import io.aurabilling.pricing.PricingModel;
import io.aurabilling.pricing.PricingModelFactory;
import io.aurabilling.pricing.PricingResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** A model registered in code (no service file): every component shares one {@code pool}. */
final class SharedPoolModelFactory implements PricingModelFactory {
    @Override
    public String name() {
        return "test-shared-pool";
    }

    @Override
    public PricingModel create(ConfigNode config) {
        config.allowOnly("from", "model", "pool");
        BigDecimal pool = config.required("pool", "an amount").asDecimal();
        return context -> {
            List<ComponentCharge> charges = new ArrayList<>();
            for (String component : context.componentQueries().keySet()) {
                charges.add(ComponentCharge.shared(component, context.ob().country(),
                        new CostShare(pool, context.queriesByCountry(component))));
            }
            return PricingResult.of(charges);
        };
    }
}
