package io.aurabilling.pricing;

import java.math.BigDecimal;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a model charges for one component, before rounding. Use the factories:
 * <ul>
 *   <li>{@link #of}: the component priced as a whole; the engine gives each line (app)
 *       {@code exact × line queries / component queries};</li>
 *   <li>{@link #byApp}: priced cell by cell; each line's exact amount is the sum of its
 *       cells' and the component's is the sum of its lines';</li>
 *   <li>{@link #shared}: a share of a {@link CostShare} pool; the engine allocates the pool
 *       among countries by largest remainder.</li>
 * </ul>
 *
 * @param componentId the component
 * @param exactAmount the unrounded amount
 * @param apps per-app exact amounts (cell-by-cell models), or empty to share pro rata
 * @param tiers the tier breakdown to show, or empty
 * @param costShare the pool this component's amount is a share of, or {@code null}
 */
public record ComponentCharge(String componentId, BigDecimal exactAmount, List<AppCharge> apps, List<Tier> tiers,
                              CostShare costShare) {

    /** Validates and copies the components. */
    public ComponentCharge {
        requireNonNull(componentId, "componentId is null");
        requireNonNull(exactAmount, "exactAmount is null");
        apps = List.copyOf(apps);
        tiers = List.copyOf(tiers);
        if (!apps.isEmpty()) {
            BigDecimal sum = apps.stream().map(AppCharge::exactAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(exactAmount) != 0) {
                throw new IllegalArgumentException("component " + componentId + ": app amounts add up to "
                        + sum.toPlainString() + ", not " + exactAmount.toPlainString());
            }
        }
    }

    /**
     * A component priced as a whole.
     *
     * @param componentId the component
     * @param exactAmount the unrounded amount
     * @return the charge
     */
    public static ComponentCharge of(String componentId, BigDecimal exactAmount) {
        return new ComponentCharge(componentId, exactAmount, List.of(), List.of(), null);
    }

    /**
     * A component priced cell by cell; its exact amount is the sum of the apps'.
     *
     * @param componentId the component
     * @param apps exact amounts per app
     * @return the charge
     */
    public static ComponentCharge byApp(String componentId, List<AppCharge> apps) {
        BigDecimal sum = apps.stream().map(AppCharge::exactAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ComponentCharge(componentId, sum, apps, List.of(), null);
    }

    /**
     * A component's share of a pool: exact = {@code pool × q / Q} to 10 decimals.
     *
     * @param componentId the component
     * @param country the OB's country
     * @param share the pool and every country's queries
     * @return the charge
     */
    public static ComponentCharge shared(String componentId, String country, CostShare share) {
        long q = share.queriesByCountry().getOrDefault(country, 0L);
        long total = share.totalQueries();
        BigDecimal exact = total == 0 ? BigDecimal.ZERO : Division.share(share.pool(), q, total);
        return new ComponentCharge(componentId, exact, List.of(), List.of(), share);
    }

    /**
     * The same charge with a tier breakdown.
     *
     * @param breakdown the tiers to show
     * @return a new charge
     */
    public ComponentCharge withTiers(List<Tier> breakdown) {
        return new ComponentCharge(componentId, exactAmount, apps, breakdown, costShare);
    }
}
