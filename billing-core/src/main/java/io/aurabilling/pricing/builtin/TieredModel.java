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

/**
 * {@code graduated} or {@code volume}: each component priced as a whole from its own tiers,
 * else the {@code "*"} tiers, else unpriced.
 */
final class TieredModel implements PricingModel {

    /** How the tiers turn a component's queries into an amount. */
    enum Kind {
        /** Each tier prices the queries that fall in it. */
        GRADUATED,
        /** The tier the total falls in prices every query. */
        VOLUME
    }

    private final Kind kind;
    private final ComponentTable<TierSchedule> tiers;

    TieredModel(Kind kind, ComponentTable<TierSchedule> tiers) {
        this.kind = requireNonNull(kind, "kind is null");
        this.tiers = requireNonNull(tiers, "tiers is null");
    }

    @Override
    public PricingResult price(PricingContext context) {
        requireNonNull(context, "context is null");
        List<ComponentCharge> charges = new ArrayList<>();
        SortedMap<String, Long> unpriced = new TreeMap<>();
        for (Map.Entry<String, Long> component : context.componentQueries().entrySet()) {
            String id = component.getKey();
            long queries = component.getValue();
            Optional<TierSchedule> schedule = tiers.lookup(id);
            if (schedule.isEmpty()) {
                unpriced.put(id, queries);
            } else if (kind == Kind.GRADUATED) {
                charges.add(schedule.get().graduated(id, queries));
            } else {
                charges.add(schedule.get().volume(id, queries));
            }
        }
        return PricingResult.of(charges, List.of(), unpriced);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + tiers.entries();
    }
}
