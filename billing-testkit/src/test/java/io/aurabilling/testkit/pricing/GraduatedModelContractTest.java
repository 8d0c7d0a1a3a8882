package io.aurabilling.testkit.pricing;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.PricingModelFactory;
import io.aurabilling.pricing.builtin.GraduatedModelFactory;

/** The built-in {@code graduated} model passes the conformance kit. */
class GraduatedModelContractTest extends PricingModelContract {
    @Override
    protected PricingModelFactory factory() {
        return new GraduatedModelFactory();
    }

    @Override
    protected ConfigNode config() {
        return BuiltinConfigs.yaml("""
                from: 2026-01
                model: graduated
                tiers:
                  aura-groot:
                    - { up-to: 1000000, price: 0.0010 }
                    - { up-to: 5000000, price: 0.0008 }
                    - { price: 0.0006 }
                  aura-nlp:
                    - { up-to: 100, price: 0.05 }
                    - { price: 0.00033 }
                """);
    }
}
