/**
 * The built-in pricing models of {@code billing-rules.md}: {@code per-query},
 * {@code graduated}, {@code volume}, {@code package}, {@code flat-fee} and
 * {@code cost-sharing}, each created by its {@link io.aurabilling.pricing.PricingModelFactory}
 * and found with {@link java.util.ServiceLoader}.
 *
 * <p>Models return exact amounts only; the engine rounds and allocates. No
 * {@code double} or {@code float} is used anywhere.
 */
package io.aurabilling.pricing.builtin;
