package io.aurabilling.pricing.builtin;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.ComponentCharge;
import io.aurabilling.pricing.Tier;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The tiers of one component for {@code graduated} and {@code volume}: every tier but the
 * last has an {@code up-to}, strictly increasing and &gt; 0; the last has none.
 *
 * @param steps the tiers in order
 */
public record TierSchedule(List<TierStep> steps) {

    /** Validates and copies the components. */
    public TierSchedule {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a tier schedule needs at least one tier");
        }
        long previous = 0;
        for (int i = 0; i < steps.size(); i++) {
            Long upTo = steps.get(i).upTo();
            boolean last = i == steps.size() - 1;
            if (last != (upTo == null)) {
                throw new IllegalArgumentException("every tier but the last needs upTo, and the last has none");
            }
            if (upTo != null) {
                if (upTo <= previous) {
                    throw new IllegalArgumentException("upTo must increase: " + upTo + " after " + previous);
                }
                previous = upTo;
            }
        }
    }

    /**
     * Reads a list of {@code {up-to?, price}} tiers.
     *
     * @param node the list
     * @return the schedule
     * @throws io.aurabilling.ConfigurationException when a tier is malformed or the bounds are wrong
     */
    public static TierSchedule parse(ConfigNode node) {
        requireNonNull(node, "node is null");
        List<ConfigNode> elements = node.elements();
        if (elements.isEmpty()) {
            throw node.error("expected at least one tier {up-to?, price}");
        }
        List<TierStep> steps = new ArrayList<>();
        long previous = 0;
        for (int i = 0; i < elements.size(); i++) {
            ConfigNode tier = elements.get(i);
            tier.allowOnly("up-to", "price");
            boolean last = i == elements.size() - 1;
            Optional<ConfigNode> upToNode = tier.get("up-to");
            Long upTo = null;
            if (upToNode.isPresent()) {
                if (last) {
                    throw upToNode.get().error("the last tier must have no up-to: it holds every query above "
                            + (previous == 0 ? "the previous tiers" : "query " + previous) + "; add a last tier with only a price");
                }
                upTo = ConfigValues.wholeNumber(upToNode.get(), 1, "up-to");
                if (upTo <= previous) {
                    throw upToNode.get().error("expected up-to greater than the previous tier's up-to " + previous
                            + ", found " + upTo + "; up-to values must strictly increase");
                }
                previous = upTo;
            } else if (!last) {
                throw tier.error("missing up-to; every tier but the last needs up-to (the last query it includes)");
            }
            steps.add(new TierStep(upTo, ConfigValues.requiredAmount(tier, "price", "price")));
        }
        return new TierSchedule(steps);
    }

    /**
     * Graduated pricing: the first {@code up-to} queries at the first price, the next ones at
     * the next price, and so on.
     *
     * @param componentId the component
     * @param queries the component's queries
     * @return the charge with every tier in order (0 queries where none fall)
     */
    public ComponentCharge graduated(String componentId, long queries) {
        List<Tier> tiers = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        long remaining = queries;
        long previous = 0;
        for (TierStep step : steps) {
            long inTier = step.upTo() == null ? remaining : Math.min(remaining, step.upTo() - previous);
            BigDecimal amount = step.price().multiply(BigDecimal.valueOf(inTier));
            tiers.add(Tier.ofRange(step.upTo(), inTier, step.price(), amount));
            total = total.add(amount);
            remaining -= inTier;
            previous = step.upTo() == null ? previous : step.upTo();
        }
        return ComponentCharge.of(componentId, total).withTiers(tiers);
    }

    /**
     * Volume pricing: every query at the price of the tier the total falls in.
     *
     * @param componentId the component
     * @param queries the component's queries
     * @return the charge with every tier in order: the reached one has all queries, the others 0
     */
    public ComponentCharge volume(String componentId, long queries) {
        int reached = reachedTier(queries);
        List<Tier> tiers = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < steps.size(); i++) {
            TierStep step = steps.get(i);
            long inTier = i == reached ? queries : 0;
            BigDecimal amount = step.price().multiply(BigDecimal.valueOf(inTier));
            tiers.add(Tier.ofRange(step.upTo(), inTier, step.price(), amount));
            total = total.add(amount);
        }
        return ComponentCharge.of(componentId, total).withTiers(tiers);
    }

    /** The index of the first tier whose {@code up-to} is at least {@code queries} (the last has none). */
    private int reachedTier(long queries) {
        for (int i = 0; i < steps.size(); i++) {
            Long upTo = steps.get(i).upTo();
            if (upTo == null || queries <= upTo) {
                return i;
            }
        }
        return steps.size() - 1;
    }
}
