package io.aurabilling.testkit.pricing;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.PricingModelFactory;

import java.util.Map;

/**
 * The whole contract applied to broken models. Not run by surefire (no {@code Test} suffix):
 * {@link ContractCatchesBrokenModelsTest} runs them in-process and expects failures.
 */
final class BrokenContractCases {
    private static final ConfigNode CONFIG = ConfigNode.fromValue(Map.of("model", "broken"), "test");

    private BrokenContractCases() {
    }

    /** Negative amounts, not declared. */
    static class CreditCase extends PricingModelContract {
        @Override
        protected PricingModelFactory factory() {
            return BrokenModels.factory("credit", c -> BrokenModels::credit);
        }

        @Override
        protected ConfigNode config() {
            return CONFIG;
        }
    }

    /** Negative amounts, declared: passes. */
    static class DeclaredCreditCase extends CreditCase {
        @Override
        protected boolean allowsNegativeAmounts() {
            return true;
        }
    }

    /** Depends on the order of cells. */
    static class FirstCellCase extends PricingModelContract {
        @Override
        protected PricingModelFactory factory() {
            return BrokenModels.factory("first-cell", c -> BrokenModels::firstCellOnly);
        }

        @Override
        protected ConfigNode config() {
            return CONFIG;
        }
    }

    /** Drifts from one pricing to the next. */
    static class DriftingCase extends PricingModelContract {
        @Override
        protected PricingModelFactory factory() {
            return BrokenModels.factory("drifting", c -> new BrokenModels.Drifting());
        }

        @Override
        protected ConfigNode config() {
            return CONFIG;
        }
    }

    /** Charges a component nobody used. */
    static class PhantomCase extends PricingModelContract {
        @Override
        protected PricingModelFactory factory() {
            return BrokenModels.factory("phantom", c -> BrokenModels::phantom);
        }

        @Override
        protected ConfigNode config() {
            return CONFIG;
        }
    }
}
