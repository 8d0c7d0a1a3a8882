package io.aurabilling.pricing.builtin;

import io.aurabilling.pricing.ComponentCharge;
import io.aurabilling.pricing.PricingContext;
import io.aurabilling.pricing.PricingModel;
import io.aurabilling.pricing.PricingResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/** {@code package}: each component's started packages at the package price. */
final class PackageModel implements PricingModel {

    private final ComponentTable<PackageDeal> packages;

    PackageModel(ComponentTable<PackageDeal> packages) {
        this.packages = requireNonNull(packages, "packages is null");
    }

    @Override
    public PricingResult price(PricingContext context) {
        requireNonNull(context, "context is null");
        List<ComponentCharge> charges = new ArrayList<>();
        SortedMap<String, Long> unpriced = new TreeMap<>();
        for (Map.Entry<String, Long> component : context.componentQueries().entrySet()) {
            Optional<PackageDeal> deal = packages.lookup(component.getKey());
            if (deal.isPresent()) {
                charges.add(deal.get().charge(component.getKey(), component.getValue()));
            } else {
                unpriced.put(component.getKey(), component.getValue());
            }
        }
        return PricingResult.of(charges, List.of(), unpriced);
    }

    @Override
    public String toString() {
        return "package " + packages.entries();
    }
}
