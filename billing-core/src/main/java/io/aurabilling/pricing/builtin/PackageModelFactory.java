package io.aurabilling.pricing.builtin;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.PricingModel;
import io.aurabilling.pricing.PricingModelFactory;

import static java.util.Objects.requireNonNull;

/**
 * The {@code package} model: {@code ceil(queries / size) × price} per component
 * ({@code packages}: component id or {@code "*"} to {@code {size, price}}).
 */
public final class PackageModelFactory implements PricingModelFactory {

    /** The model's name in {@code billing.yaml}. */
    public static final String NAME = "package";

    /** Creates the factory (used by {@link java.util.ServiceLoader}). */
    public PackageModelFactory() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PricingModel create(ConfigNode config) {
        requireNonNull(config, "config is null");
        config.allowOnly("from", "model", "packages");
        ConfigNode packages = config.required("packages", "a mapping of component id or \"*\" to {size, price}");
        return new PackageModel(ComponentTable.parse(packages, PackageDeal::parse));
    }
}
