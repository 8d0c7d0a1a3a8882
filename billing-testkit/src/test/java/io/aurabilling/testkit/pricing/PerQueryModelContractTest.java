package io.aurabilling.testkit.pricing;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.PricingModelFactory;
import io.aurabilling.pricing.builtin.PerQueryModelFactory;

/** The built-in {@code per-query} model passes the conformance kit. */
class PerQueryModelContractTest extends PricingModelContract {
    @Override
    protected PricingModelFactory factory() {
        return new PerQueryModelFactory();
    }

    @Override
    protected ConfigNode config() {
        return BuiltinConfigs.yaml("""
                from: 2026-01
                model: per-query
                rates:
                  - { component: aura-groot, price: 0.0010 }
                  - { component: aura-groot, service: ai, price: 0.0040 }
                  - { component: aura-gpt, service: ai, preset: gpt-4o, price: 0.0125 }
                  - { component: aura-nlp, price: 0.0005 }
                """);
    }
}
