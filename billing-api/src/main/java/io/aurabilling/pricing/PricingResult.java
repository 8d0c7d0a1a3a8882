package io.aurabilling.pricing;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * What a model computed for one OB and period, all amounts exact.
 *
 * @param components charges per component (at most one per component)
 * @param fees charges that belong to no component
 * @param unpriced queries per component that no configured price applies to
 */
public record PricingResult(List<ComponentCharge> components, List<FeeCharge> fees, SortedMap<String, Long> unpriced) {

    /** Validates and copies the components. */
    public PricingResult {
        components = List.copyOf(components);
        fees = List.copyOf(fees);
        unpriced = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(unpriced, "unpriced is null")));
        if (components.stream().map(ComponentCharge::componentId).distinct().count() != components.size()) {
            throw new IllegalArgumentException("a component is charged twice");
        }
    }

    /**
     * A result with component charges only.
     *
     * @param components the charges
     * @return the result
     */
    public static PricingResult of(List<ComponentCharge> components) {
        return new PricingResult(components, List.of(), new TreeMap<>());
    }

    /**
     * A result with charges, fees and unpriced usage.
     *
     * @param components the charges
     * @param fees the fees
     * @param unpriced queries per component without a price
     * @return the result
     */
    public static PricingResult of(List<ComponentCharge> components, List<FeeCharge> fees, Map<String, Long> unpriced) {
        return new PricingResult(components, fees, new TreeMap<>(unpriced));
    }
}
