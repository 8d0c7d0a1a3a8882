package io.aurabilling.config.yaml;

/** What to do with usage that no configured price applies to ({@code obs.<OB>.unpriced}). */
public enum UnpricedPolicy {
    /** The run fails with an input-data error listing every such component and its queries (default). */
    ERROR,
    /** {@code unpriced: zero}: billed at 0 and listed in the invoice's data-quality section. */
    ZERO
}
