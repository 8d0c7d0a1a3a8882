package io.aurabilling.testkit.pricing;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.PricingModelFactory;
import io.aurabilling.pricing.builtin.CostSharingModelFactory;

/** The built-in {@code cost-sharing} model passes the conformance kit. */
class CostSharingModelContractTest extends PricingModelContract {
    @Override
    protected PricingModelFactory factory() {
        return new CostSharingModelFactory();
    }

    @Override
    protected ConfigNode config() {
        return BuiltinConfigs.yaml("""
                from: 2026-01
                model: cost-sharing
                pool:
                  aura-groot: 120000.00
                  aura-nlp: 45000.01
                """);
    }
}
