package io.aurabilling.pricing;

import io.aurabilling.config.ConfigNode;

/**
 * Creates a {@link PricingModel} from its configuration, in the style of Trino's
 * connector factories. Found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.aurabilling.pricing.PricingModelFactory}) or registered
 * in code on the engine's builder (for classes defined in a notebook).
 *
 * <p>Implementations need a public no-argument constructor when loaded by
 * {@code ServiceLoader}, and must be thread-safe.
 */
public interface PricingModelFactory {

    /**
     * The model's unique name, as written in {@code billing.yaml} ({@code model: per-query}).
     *
     * @return the name
     */
    String name();

    /**
     * Creates the model for one pricing version of one OB.
     *
     * <p>{@code config} is that version's whole mapping; {@code from} and {@code model}
     * are the engine's, every other key is the model's. A factory must reject keys it
     * does not know ({@link ConfigNode#allowOnly}) and report bad values with
     * {@link ConfigNode#error}, so the user sees file, line, column and key.
     *
     * @param config the pricing version's mapping
     * @return the model
     * @throws io.aurabilling.ConfigurationException when the configuration is invalid
     */
    PricingModel create(ConfigNode config);
}
