/**
 * The conformance kit for pricing-model plugins: extend {@link io.aurabilling.testkit.pricing.PricingModelContract}
 * in a test class to check a {@link io.aurabilling.pricing.PricingModel} against the rules every
 * model must follow (exact decimals, no negative amounts unless declared, order independence,
 * determinism, empty usage, invoices that add up through the engine). The checks are also
 * available one by one in {@link io.aurabilling.testkit.pricing.PricingModelChecks}.
 */
package io.aurabilling.testkit.pricing;
