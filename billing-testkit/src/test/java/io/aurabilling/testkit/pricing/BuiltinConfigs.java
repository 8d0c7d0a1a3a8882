package io.aurabilling.testkit.pricing;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.config.yaml.BillingConfigLoader;

/** Realistic pricing versions of the built-in models, written as in billing.yaml (config.md). */
final class BuiltinConfigs {
    private BuiltinConfigs() {
    }

    /** Reads a pricing version written in YAML; no environment variable is set. */
    static ConfigNode yaml(String text) {
        return BillingConfigLoader.readTree(text, "test.yaml", name -> null);
    }
}
