package io.aurabilling.pricing.builtin;

import io.aurabilling.pricing.ComponentCharge;
import io.aurabilling.pricing.Division;
import io.aurabilling.pricing.FeeCharge;
import io.aurabilling.pricing.PricingContext;
import io.aurabilling.pricing.PricingModel;
import io.aurabilling.pricing.PricingResult;
import io.aurabilling.usage.UsageCell;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * {@code flat-fee}: a fixed fee for the period, plus per component the queries above the
 * included ones at the overage rates: exact = {@code A × (q − included) / q} as one division,
 * where A is the component's amount at the overage rates over all its priced cells.
 */
final class FlatFeeModel implements PricingModel {

    /** The fee's kind in the invoice. */
    static final String FEE_KIND = "flat-fee";
    /** The fee's description in the invoice. */
    static final String FEE_DESCRIPTION = "Flat fee";

    private final BigDecimal fee;
    private final ComponentTable<Long> included;
    private final RateCard overage;

    FlatFeeModel(BigDecimal fee, ComponentTable<Long> included, RateCard overage) {
        this.fee = requireNonNull(fee, "fee is null");
        this.included = requireNonNull(included, "included is null");
        this.overage = requireNonNull(overage, "overage is null");
    }

    @Override
    public PricingResult price(PricingContext context) {
        requireNonNull(context, "context is null");
        List<ComponentCharge> charges = new ArrayList<>();
        SortedMap<String, Long> unpriced = new TreeMap<>();
        for (Map.Entry<String, Long> component : context.componentQueries().entrySet()) {
            String id = component.getKey();
            long queries = component.getValue();
            long free = included.lookup(id).orElse(0L);
            if (queries <= free) {
                charges.add(ComponentCharge.of(id, BigDecimal.ZERO));
                continue;
            }
            BigDecimal atOverageRates = BigDecimal.ZERO;
            boolean anyPriced = false;
            long unpricedQueries = 0;
            for (UsageCell cell : context.cellsOf(id)) {
                Optional<Rate> rate = overage.rateFor(cell);
                if (rate.isPresent()) {
                    anyPriced = true;
                    atOverageRates = atOverageRates.add(rate.get().price().multiply(BigDecimal.valueOf(cell.queries())));
                } else {
                    unpricedQueries += cell.queries();
                }
            }
            if (unpricedQueries > 0) {
                unpriced.put(id, unpricedQueries);
            }
            if (anyPriced) {
                // One division, so that the paid fraction is not rounded on its own first.
                BigDecimal exact = Division.divide(atOverageRates.multiply(BigDecimal.valueOf(queries - free)),
                        BigDecimal.valueOf(queries));
                charges.add(ComponentCharge.of(id, exact));
            }
        }
        return PricingResult.of(charges, List.of(new FeeCharge(FEE_KIND, FEE_DESCRIPTION, fee)), unpriced);
    }

    @Override
    public String toString() {
        return "flat-fee included " + included.entries() + " overage " + overage;
    }
}
