package io.aurabilling.pricing.builtin;

import io.aurabilling.pricing.PricingContext;
import io.aurabilling.pricing.PricingModel;
import io.aurabilling.pricing.PricingResult;

import static java.util.Objects.requireNonNull;

/** {@code package}: each component's started packages at the package price. */
final class PackageModel implements PricingModel {

    private final ComponentTable<PackageDeal> packages;

    PackageModel(ComponentTable<PackageDeal> packages) {
        this.packages = requireNonNull(packages, "packages is null");
    }

    @Override
    public PricingResult price(PricingContext context) {
        return packages.priceEach(context, (id, queries, deal) -> deal.charge(id, queries));
    }

    @Override
    public String toString() {
        return "package " + packages.entries();
    }
}
