package io.aurabilling.pricing.builtin;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.PricingModel;

/**
 * The {@code per-query} model: each cell's queries × the price of the most specific
 * matching rate ({@code rates: [{component, service?, preset?, price}]}).
 */
public final class PerQueryModelFactory extends BuiltinModelFactory {

    /** The model's name in {@code billing.yaml}. */
    public static final String NAME = "per-query";

    /** Creates the factory (used by {@link java.util.ServiceLoader}). */
    public PerQueryModelFactory() {
        super(NAME, "rates");
    }

    @Override
    PricingModel createModel(ConfigNode config) {
        ConfigNode ratesNode = config.required("rates", "a list of {component, service?, preset?, price}");
        RateCard card = RateCard.parse(ratesNode);
        if (card.isEmpty()) {
            throw ratesNode.error("expected at least one rate {component, service?, preset?, price}");
        }
        return new PerQueryModel(card);
    }
}
