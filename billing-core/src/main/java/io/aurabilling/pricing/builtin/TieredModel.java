package io.aurabilling.pricing.builtin;

import io.aurabilling.pricing.PricingContext;
import io.aurabilling.pricing.PricingModel;
import io.aurabilling.pricing.PricingResult;

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
        return tiers.priceEach(context, (id, queries, schedule) -> kind == Kind.GRADUATED
                ? schedule.graduated(id, queries) : schedule.volume(id, queries));
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + tiers.entries();
    }
}
