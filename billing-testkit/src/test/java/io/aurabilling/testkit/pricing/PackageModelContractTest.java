package io.aurabilling.testkit.pricing;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.PricingModelFactory;
import io.aurabilling.pricing.builtin.PackageModelFactory;

/** The built-in {@code package} model passes the conformance kit. */
class PackageModelContractTest extends PricingModelContract {
    @Override
    protected PricingModelFactory factory() {
        return new PackageModelFactory();
    }

    @Override
    protected ConfigNode config() {
        return BuiltinConfigs.yaml("""
                from: 2026-01
                model: package
                packages:
                  aura-groot: { size: 10000, price: 4.50 }
                  "*": { size: 3, price: 0.01 }
                """);
    }
}
