package io.aurabilling.pricing.builtin;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.PricingModel;

/**
 * The {@code cost-sharing} model: a monthly {@code pool} per component (component id or
 * {@code "*"} to an amount in the OB's currency) shared among every country that used the
 * component, in proportion to its queries. A pool with more decimals than the currency's
 * minor units is rejected when pricing, once the currency is known.
 */
public final class CostSharingModelFactory extends BuiltinModelFactory {

    /** The model's name in {@code billing.yaml}. */
    public static final String NAME = "cost-sharing";

    /** Creates the factory (used by {@link java.util.ServiceLoader}). */
    public CostSharingModelFactory() {
        super(NAME, "pool");
    }

    @Override
    PricingModel createModel(ConfigNode config) {
        ConfigNode pool = config.required("pool", "a mapping of component id or \"*\" to a monthly amount >= 0");
        return new CostSharingModel(ComponentTable.parse(pool,
                node -> new CostSharingModel.Pool(ConfigValues.amount(node, "pool amount"), node)));
    }
}
