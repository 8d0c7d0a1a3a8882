package io.aurabilling.pricing.builtin;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.ComponentCharge;
import io.aurabilling.pricing.Tier;

import java.math.BigDecimal;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A package of {@code size} queries sold at {@code price}; a started package is paid whole.
 *
 * @param size queries per package, ≥ 1
 * @param price the price of one package, ≥ 0, with its configured scale
 */
public record PackageDeal(long size, BigDecimal price) {

    /** Validates the components. */
    public PackageDeal {
        requireNonNull(price, "price is null");
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1: " + size);
        }
        if (price.signum() < 0) {
            throw new IllegalArgumentException("price is negative: " + price.toPlainString());
        }
    }

    /**
     * Reads {@code {size, price}}.
     *
     * @param node the mapping
     * @return the package
     * @throws io.aurabilling.ConfigurationException when size or price is missing or bad
     */
    public static PackageDeal parse(ConfigNode node) {
        requireNonNull(node, "node is null");
        node.allowOnly("size", "price");
        long size = ConfigValues.wholeNumber(node.required("size", "the queries per package, a whole number >= 1"),
                1, "size (queries per package)");
        return new PackageDeal(size, ConfigValues.requiredAmount(node, "price", "package price"));
    }

    /**
     * Prices a component: {@code ceil(queries / size) × price}.
     *
     * @param componentId the component
     * @param queries its queries
     * @return the charge with its one package entry
     */
    public ComponentCharge charge(String componentId, long queries) {
        long packages = queries / size + (queries % size == 0 ? 0 : 1);
        BigDecimal exact = price.multiply(BigDecimal.valueOf(packages));
        return ComponentCharge.of(componentId, exact)
                .withTiers(List.of(Tier.ofPackages(queries, packages, size, price, exact)));
    }
}
