package io.aurabilling.pricing.builtin;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.PricingModel;

/**
 * The {@code volume} model. Tiers: every query at the price of the tier the component's total falls in
 * ({@code tiers}: component id or {@code "*"} to a list of {@code {up-to?, price}}).
 */
public final class VolumeModelFactory extends BuiltinModelFactory {

    /** The model's name in {@code billing.yaml}. */
    public static final String NAME = "volume";

    /** Creates the factory (used by {@link java.util.ServiceLoader}). */
    public VolumeModelFactory() {
        super(NAME, "tiers");
    }

    @Override
    PricingModel createModel(ConfigNode config) {
        ConfigNode tiers = config.required("tiers", "a mapping of component id or \"*\" to a list of {up-to?, price}");
        return new TieredModel(TieredModel.Kind.VOLUME, ComponentTable.parse(tiers, TierSchedule::parse));
    }
}
