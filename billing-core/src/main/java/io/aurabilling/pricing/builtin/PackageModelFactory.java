package io.aurabilling.pricing.builtin;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.PricingModel;

/**
 * The {@code package} model: {@code ceil(queries / size) × price} per component
 * ({@code packages}: component id or {@code "*"} to {@code {size, price}}).
 */
public final class PackageModelFactory extends BuiltinModelFactory {

    /** The model's name in {@code billing.yaml}. */
    public static final String NAME = "package";

    /** Creates the factory (used by {@link java.util.ServiceLoader}). */
    public PackageModelFactory() {
        super(NAME, "packages");
    }

    @Override
    PricingModel createModel(ConfigNode config) {
        ConfigNode packages = config.required("packages", "a mapping of component id or \"*\" to {size, price}");
        return new PackageModel(ComponentTable.parse(packages, PackageDeal::parse));
    }
}
