package io.aurabilling.pricing.builtin;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.PricingModel;

/**
 * The {@code graduated} model. Tiers: the first {@code up-to} queries at the first price, the next ones at the next price, and so on
 * ({@code tiers}: component id or {@code "*"} to a list of {@code {up-to?, price}}).
 */
public final class GraduatedModelFactory extends BuiltinModelFactory {

    /** The model's name in {@code billing.yaml}. */
    public static final String NAME = "graduated";

    /** Creates the factory (used by {@link java.util.ServiceLoader}). */
    public GraduatedModelFactory() {
        super(NAME, "tiers");
    }

    @Override
    PricingModel createModel(ConfigNode config) {
        ConfigNode tiers = config.required("tiers", "a mapping of component id or \"*\" to a list of {up-to?, price}");
        return new TieredModel(TieredModel.Kind.GRADUATED, ComponentTable.parse(tiers, TierSchedule::parse));
    }
}
