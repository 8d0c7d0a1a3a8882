package io.aurabilling.pricing.builtin;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.PricingModel;
import io.aurabilling.pricing.PricingModelFactory;

import static java.util.Objects.requireNonNull;

/**
 * The {@code volume} model. Tiers: every query at the price of the tier the component's total falls in
 * ({@code tiers}: component id or {@code "*"} to a list of {@code {up-to?, price}}).
 */
public final class VolumeModelFactory implements PricingModelFactory {

    /** The model's name in {@code billing.yaml}. */
    public static final String NAME = "volume";

    /** Creates the factory (used by {@link java.util.ServiceLoader}). */
    public VolumeModelFactory() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public PricingModel create(ConfigNode config) {
        requireNonNull(config, "config is null");
        config.allowOnly("from", "model", "tiers");
        ConfigNode tiers = config.required("tiers", "a mapping of component id or \"*\" to a list of {up-to?, price}");
        return new TieredModel(TieredModel.Kind.VOLUME, ComponentTable.parse(tiers, TierSchedule::parse));
    }
}
