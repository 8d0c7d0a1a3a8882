package io.aurabilling.pricing.builtin;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.PricingModel;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code flat-fee} model: a fixed {@code fee} for the period; per component, the
 * {@code included} queries (component id or {@code "*"} to a whole number) are free and
 * the rest are paid at the {@code overage} rates (a list like {@code per-query}'s).
 */
public final class FlatFeeModelFactory extends BuiltinModelFactory {

    /** The model's name in {@code billing.yaml}. */
    public static final String NAME = "flat-fee";

    /** Creates the factory (used by {@link java.util.ServiceLoader}). */
    public FlatFeeModelFactory() {
        super(NAME, "fee", "included", "overage");
    }

    @Override
    PricingModel createModel(ConfigNode config) {
        BigDecimal fee = ConfigValues.amount(config.required("fee", "the fee for the period, an amount >= 0 such as 2500.00"),
                "fee");
        ComponentTable<Long> included = new ComponentTable<>(Map.of());
        Optional<ConfigNode> includedNode = config.get("included");
        if (includedNode.isPresent() && !includedNode.get().entries().isEmpty()) {
            included = ComponentTable.parse(includedNode.get(),
                    node -> ConfigValues.wholeNumber(node, 0, "included queries"));
        }
        RateCard overage = config.get("overage").map(RateCard::parse).orElseGet(() -> RateCard.of(List.of()));
        return new FlatFeeModel(fee, included, overage);
    }
}
