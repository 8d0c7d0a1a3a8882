package io.aurabilling.pricing.builtin;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.PricingModel;
import io.aurabilling.pricing.PricingModelFactory;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What every built-in factory shares: its name, and the rejection of keys other than
 * {@code from}, {@code model} and its own before the model reads its configuration.
 */
abstract class BuiltinModelFactory implements PricingModelFactory {
    private final String name;
    private final String[] allowedKeys;

    /**
     * @param name the model's name in {@code billing.yaml}
     * @param modelKeys the keys the model reads besides {@code from} and {@code model}
     */
    BuiltinModelFactory(String name, String... modelKeys) {
        this.name = requireNonNull(name, "name is null");
        List<String> keys = new ArrayList<>(List.of("from", "model"));
        keys.addAll(List.of(modelKeys));
        this.allowedKeys = keys.toArray(String[]::new);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final PricingModel create(ConfigNode config) {
        requireNonNull(config, "config is null");
        config.allowOnly(allowedKeys);
        return createModel(config);
    }

    /**
     * Reads the model's own keys (unknown keys are already rejected).
     *
     * @param config the pricing version's mapping
     * @return the model
     */
    abstract PricingModel createModel(ConfigNode config);
}
