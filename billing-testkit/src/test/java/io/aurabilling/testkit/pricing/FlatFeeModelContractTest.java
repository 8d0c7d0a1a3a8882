package io.aurabilling.testkit.pricing;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.PricingModelFactory;
import io.aurabilling.pricing.builtin.FlatFeeModelFactory;

/** The built-in {@code flat-fee} model passes the conformance kit. */
class FlatFeeModelContractTest extends PricingModelContract {
    @Override
    protected PricingModelFactory factory() {
        return new FlatFeeModelFactory();
    }

    @Override
    protected ConfigNode config() {
        return BuiltinConfigs.yaml("""
                from: 2026-01
                model: flat-fee
                fee: 2500.00
                included:
                  aura-groot: 2000000
                  aura-nlp: 5000
                overage:
                  - { component: "*", price: 0.0007 }
                  - { component: aura-groot, service: ai, price: 0.0011 }
                """);
    }
}
