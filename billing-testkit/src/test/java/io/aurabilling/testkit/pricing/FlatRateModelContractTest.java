package io.aurabilling.testkit.pricing;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.PricingModelFactory;

import java.util.Map;

/** The docs example passes the conformance kit, exactly as docs/plugins.md shows it. */
class FlatRateModelContractTest extends PricingModelContract {
    @Override
    protected PricingModelFactory factory() {
        return new FlatRateModelFactory();
    }

    @Override
    protected ConfigNode config() {
        return ConfigNode.fromValue(Map.of("model", "flat-rate", "price", "0.0010"), "test");
    }
}
