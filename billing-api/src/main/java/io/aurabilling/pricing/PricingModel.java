package io.aurabilling.pricing;

/**
 * Prices one OB's usage for one period. A model returns <em>exact</em> (unrounded)
 * amounts; the engine alone rounds to the currency's minor units and allocates with
 * the largest-remainder method, with the same rules for every model.
 *
 * <p>A model must be deterministic and independent of the order of cells: the engine
 * hands cells in a fixed order, but the result must not depend on it. It must never use
 * {@code double} or {@code float} for money. Implementations must be thread-safe.
 */
public interface PricingModel {

    /**
     * Prices the OB's usage.
     *
     * <p>The result has one {@link ComponentCharge} per component the model could price,
     * fees that belong to no component, and the queries of every component it could not
     * price (no applicable rate). The engine lists every component with billed queries,
     * charged or not.
     *
     * @param context the OB, period, currency, the OB's cells and every country's cells
     * @return exact charges
     */
    PricingResult price(PricingContext context);
}
