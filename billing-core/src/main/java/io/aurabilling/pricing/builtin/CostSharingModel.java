package io.aurabilling.pricing.builtin;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.ComponentCharge;
import io.aurabilling.pricing.CostShare;
import io.aurabilling.pricing.PricingContext;
import io.aurabilling.pricing.PricingModel;
import io.aurabilling.pricing.PricingResult;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * {@code cost-sharing}: each component's monthly {@code pool} is shared among every country
 * with billable queries of it, in proportion to those queries; this OB's exact share is
 * {@code pool × q / Q} to 10 decimals, and the engine allocates the pool by largest remainder.
 */
final class CostSharingModel implements PricingModel {

    /**
     * A configured pool and where it was written, so that a pool finer than the currency
     * can be reported at its line once the currency is known.
     *
     * @param amount the pool
     * @param node where it was written
     */
    record Pool(BigDecimal amount, ConfigNode node) {
        Pool {
            requireNonNull(amount, "amount is null");
            requireNonNull(node, "node is null");
        }
    }

    private final ComponentTable<Pool> pools;

    CostSharingModel(ComponentTable<Pool> pools) {
        this.pools = requireNonNull(pools, "pools is null");
    }

    @Override
    public PricingResult price(PricingContext context) {
        requireNonNull(context, "context is null");
        Currency currency = context.currency();
        PricingResult result = pools.priceEach(context, (id, queries, pool) -> {
            BigDecimal amount = inMinorUnits(id, pools.keyFor(id).orElseThrow(), pool, currency);
            return ComponentCharge.shared(id, context.ob().country(), new CostShare(amount, context.queriesByCountry(id)));
        });
        // A pool the OB did not use this period is still wrong configuration.
        for (Map.Entry<String, Pool> entry : pools.entries().entrySet()) {
            inMinorUnits(entry.getKey(), entry.getKey(), entry.getValue(), currency);
        }
        return result;
    }

    /**
     * The pool at most at the currency's scale ({@code 100.500} EUR is shared as {@code 100.50}).
     * The engine shares it in minor units, so a pool finer than the currency is rejected.
     */
    private static BigDecimal inMinorUnits(String componentId, String key, Pool pool, Currency currency) {
        int minorUnits = Math.max(0, currency.getDefaultFractionDigits());
        BigDecimal amount = pool.amount();
        if (amount.stripTrailingZeros().scale() > minorUnits) {
            String entry = key.equals(componentId) ? "" : " (from the \"" + key + "\" entry)";
            throw pool.node().error("the cost-sharing pool " + pool.amount().toPlainString() + " of component "
                    + componentId + entry + " has more decimals than " + currency.getCurrencyCode() + " allows ("
                    + minorUnits + "); write the pool with at most " + minorUnits + " decimals");
        }
        // Only trailing zeros are dropped here, so the value is unchanged.
        return amount.scale() > minorUnits ? amount.setScale(minorUnits, RoundingMode.UNNECESSARY) : amount;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("cost-sharing pools {");
        pools.entries().forEach((k, v) -> text.append(' ').append(k).append('=').append(v.amount().toPlainString()));
        return text.append(" }").toString();
    }
}
