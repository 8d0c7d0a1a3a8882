package io.aurabilling.testkit.pricing;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.PricingModelFactory;
import io.aurabilling.pricing.builtin.VolumeModelFactory;

/** The built-in {@code volume} model passes the conformance kit. */
class VolumeModelContractTest extends PricingModelContract {
    @Override
    protected PricingModelFactory factory() {
        return new VolumeModelFactory();
    }

    @Override
    protected ConfigNode config() {
        return BuiltinConfigs.yaml("""
                from: 2026-01
                model: volume
                tiers:
                  "*":
                    - { up-to: 100000, price: 0.0012 }
                    - { up-to: 3000000, price: 0.0009 }
                    - { price: 0.0007 }
                """);
    }
}
