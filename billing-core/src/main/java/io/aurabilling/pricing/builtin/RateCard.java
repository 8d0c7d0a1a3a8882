package io.aurabilling.pricing.builtin;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.usage.UsageCell;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A list of per-query rates and the rule that picks one for a cell: the most specific
 * matching rate ({@link Rate#specificity()}). Used by {@code per-query} ({@code rates}) and
 * {@code flat-fee} ({@code overage}). Immutable and thread-safe.
 */
public final class RateCard {

    private final List<Rate> rates;
    /** The rates, most specific first, so that the first match is the one to use. */
    private final List<Rate> bySpecificity;

    private RateCard(List<Rate> rates) {
        this.rates = List.copyOf(rates);
        List<Rate> sorted = new ArrayList<>(this.rates);
        sorted.sort(Comparator.comparingInt(Rate::specificity).reversed());
        this.bySpecificity = List.copyOf(sorted);
    }

    /**
     * A rate card from rates built in code.
     *
     * @param rates the rates, no two with the same selector
     * @return the card
     * @throws IllegalArgumentException when two rates have the same selector
     */
    public static RateCard of(List<Rate> rates) {
        requireNonNull(rates, "rates is null");
        for (int i = 0; i < rates.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (rates.get(i).sameSelector(rates.get(j))) {
                    throw new IllegalArgumentException("two rates for " + rates.get(i).selector());
                }
            }
        }
        return new RateCard(rates);
    }

    /**
     * Reads a list of {@code {component, service?, preset?, price}} rates.
     *
     * @param node the list
     * @return the card (empty when the list is)
     * @throws io.aurabilling.ConfigurationException when a rate is malformed or two have the same selector
     */
    public static RateCard parse(ConfigNode node) {
        requireNonNull(node, "node is null");
        List<Rate> rates = new ArrayList<>();
        List<ConfigNode> elements = node.elements();
        for (int i = 0; i < elements.size(); i++) {
            ConfigNode element = elements.get(i);
            Rate rate = parseRate(element);
            for (int j = 0; j < rates.size(); j++) {
                if (rates.get(j).sameSelector(rate)) {
                    throw element.error("a rate for " + rate.selector() + " is already configured at position "
                            + (j + 1) + "; keep one rate per (component, service, preset)");
                }
            }
            rates.add(rate);
        }
        return new RateCard(rates);
    }

    private static Rate parseRate(ConfigNode node) {
        node.allowOnly("component", "service", "preset", "price");
        String component = ConfigValues.nonBlankText(
                node.required("component", "a component id or \"*\""), "component id or \"*\"");
        String service = null;
        Optional<ConfigNode> serviceNode = node.get("service");
        if (serviceNode.isPresent()) {
            service = serviceNode.get().asText();
            if (!Rate.SERVICES.contains(service)) {
                throw serviceNode.get().error("expected a service among ai, message, nlpaas, other, found '"
                        + service + "'");
            }
        }
        String preset = null;
        Optional<ConfigNode> presetNode = node.get("preset");
        if (presetNode.isPresent()) {
            preset = ConfigValues.nonBlankText(presetNode.get(), "preset name");
        }
        return new Rate(component, service, preset, ConfigValues.requiredAmount(node, "price", "price"));
    }

    /** @return the rates, in configuration order */
    public List<Rate> rates() {
        return rates;
    }

    /** @return whether the card has no rate */
    public boolean isEmpty() {
        return rates.isEmpty();
    }

    /**
     * The rate for a cell: the most specific matching one.
     *
     * @param cell the usage cell
     * @return the rate, or empty when none matches (the cell is unpriced)
     */
    public Optional<Rate> rateFor(UsageCell cell) {
        requireNonNull(cell, "cell is null");
        for (Rate rate : bySpecificity) {
            if (rate.matches(cell)) {
                return Optional.of(rate);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RateCard other && rates.equals(other.rates);
    }

    @Override
    public int hashCode() {
        return rates.hashCode();
    }

    @Override
    public String toString() {
        return "RateCard" + rates;
    }
}
