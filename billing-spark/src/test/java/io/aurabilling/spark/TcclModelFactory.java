package io.aurabilling.spark;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.ComponentCharge;
import io.aurabilling.pricing.PricingModel;
import io.aurabilling.pricing.PricingModelFactory;
import io.aurabilling.pricing.PricingResult;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A plugin found only through the thread context class loader (its service file is not on the test class
 * path): every component costs 7.00 whatever its queries.
 */
public final class TcclModelFactory implements PricingModelFactory {
    @Override
    public String name() {
        return "tccl-seven";
    }

    @Override
    public PricingModel create(ConfigNode config) {
        config.allowOnly("from", "model");
        return context -> {
            List<ComponentCharge> charges = new ArrayList<>();
            context.componentQueries().keySet().forEach(c -> charges.add(ComponentCharge.of(c, new BigDecimal("7.00"))));
            return PricingResult.of(charges);
        };
    }
}
