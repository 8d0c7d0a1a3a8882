package io.aurabilling.pricing.builtin;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.pricing.ComponentCharge;
import io.aurabilling.pricing.PricingContext;
import io.aurabilling.pricing.PricingResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Settings keyed by component id, with {@code "*"} for every component without its own
 * entry (the shape of {@code tiers}, {@code packages}, {@code included} and {@code pool}).
 *
 * @param entries component id or {@code "*"} to its setting, in configuration order
 * @param <T> the setting
 */
public record ComponentTable<T>(Map<String, T> entries) {

    /** The key that applies to components without their own entry. */
    public static final String ANY = "*";

    /** Validates and copies the components. */
    public ComponentTable {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(entries, "entries is null")));
    }

    /**
     * Reads a mapping of component id (or {@code "*"}) to settings.
     *
     * @param node the mapping
     * @param reader reads one entry's value, rejecting bad ones with {@link ConfigNode#error}
     * @param <T> the setting
     * @return the table
     * @throws io.aurabilling.ConfigurationException when the node is not a non-empty mapping or an entry is bad
     */
    public static <T> ComponentTable<T> parse(ConfigNode node, Function<ConfigNode, T> reader) {
        requireNonNull(node, "node is null");
        requireNonNull(reader, "reader is null");
        Map<String, ConfigNode> raw = node.entries();
        if (raw.isEmpty()) {
            throw node.error("expected at least one component id or \"*\"");
        }
        Map<String, T> entries = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> e : raw.entrySet()) {
            if (e.getKey().isBlank()) {
                throw e.getValue().error("expected a component id or \"*\" as key, found an empty key");
            }
            entries.put(e.getKey(), reader.apply(e.getValue()));
        }
        return new ComponentTable<>(entries);
    }

    /**
     * The setting of a component: its own entry, else {@code "*"}.
     *
     * @param componentId the component
     * @return the setting, or empty when neither applies
     */
    public Optional<T> lookup(String componentId) {
        T own = entries.get(componentId);
        return Optional.ofNullable(own != null ? own : entries.get(ANY));
    }

    /**
     * The key whose setting applies to a component: its own id, else {@code "*"}.
     *
     * @param componentId the component
     * @return the key, or empty when neither applies
     */
    public Optional<String> keyFor(String componentId) {
        if (entries.containsKey(componentId)) {
            return Optional.of(componentId);
        }
        return entries.containsKey(ANY) ? Optional.of(ANY) : Optional.empty();
    }

    /**
     * Prices every component the OB used with the setting that applies to it; components
     * without one are reported as unpriced with all their queries.
     *
     * @param context the OB's usage
     * @param pricer charges one component from its id, queries and setting
     * @return the charges, no fees, and the unpriced components
     */
    public PricingResult priceEach(PricingContext context, Pricer<T> pricer) {
        requireNonNull(context, "context is null");
        requireNonNull(pricer, "pricer is null");
        List<ComponentCharge> charges = new ArrayList<>();
        SortedMap<String, Long> unpriced = new TreeMap<>();
        for (Map.Entry<String, Long> component : context.componentQueries().entrySet()) {
            Optional<T> setting = lookup(component.getKey());
            if (setting.isPresent()) {
                charges.add(pricer.charge(component.getKey(), component.getValue(), setting.get()));
            } else {
                unpriced.put(component.getKey(), component.getValue());
            }
        }
        return PricingResult.of(charges, List.of(), unpriced);
    }

    /**
     * Charges one component from its setting.
     *
     * @param <T> the setting
     */
    @FunctionalInterface
    public interface Pricer<T> {
        /**
         * @param componentId the component
         * @param queries the OB's queries of it
         * @param setting the setting that applies to it
         * @return its exact charge
         */
        ComponentCharge charge(String componentId, long queries, T setting);
    }
}
