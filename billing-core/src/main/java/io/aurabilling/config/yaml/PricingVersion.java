package io.aurabilling.config.yaml;

import io.aurabilling.config.ConfigNode;

import java.time.YearMonth;

import static java.util.Objects.requireNonNull;

/**
 * One entry of an OB's {@code pricing} list: a model, with its configuration, used for
 * periods from {@code from} on (until the next version's {@code from}).
 *
 * @param from the first month this version applies to
 * @param model the pricing model's name
 * @param node the whole version mapping, handed as-is to the model's factory
 */
public record PricingVersion(YearMonth from, String model, ConfigNode node) {
    /** Validates the components. */
    public PricingVersion {
        requireNonNull(from, "from is null");
        requireNonNull(model, "model is null");
        requireNonNull(node, "node is null");
    }
}
