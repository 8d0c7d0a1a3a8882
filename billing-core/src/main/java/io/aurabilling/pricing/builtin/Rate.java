package io.aurabilling.pricing.builtin;

import io.aurabilling.usage.UsageCell;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * One per-query rate: a selector (component or {@code "*"}, optional service, optional
 * preset) and the price of one query.
 *
 * @param component the component id, or {@code "*"} for every component
 * @param service one of {@link #SERVICES}, or {@code null} for every service
 * @param preset the AI preset, or {@code null} for every preset (and none)
 * @param price the price of one query, ≥ 0, with its configured scale
 */
public record Rate(String component, String service, String preset, BigDecimal price) {

    /** The services a rate may name. */
    public static final Set<String> SERVICES = Set.of("message", "nlpaas", "ai", "other");

    /** Validates the components. */
    public Rate {
        requireNonNull(component, "component is null");
        requireNonNull(price, "price is null");
        if (service != null && !SERVICES.contains(service)) {
            throw new IllegalArgumentException("service must be one of ai, message, nlpaas, other: " + service);
        }
        if (price.signum() < 0) {
            throw new IllegalArgumentException("price is negative: " + price.toPlainString());
        }
    }

    /**
     * Whether the rate applies to a cell: same component (or {@code "*"}), and same service
     * and preset when the rate names them.
     *
     * @param cell the usage cell
     * @return true when it applies
     */
    public boolean matches(UsageCell cell) {
        requireNonNull(cell, "cell is null");
        return (component.equals(ComponentTable.ANY) || component.equals(cell.componentId()))
                && (service == null || service.equals(cell.key().service()))
                && (preset == null || preset.equals(cell.key().preset()));
    }

    /**
     * How specific the selector is; of the rates matching a cell the highest wins. An exact
     * component beats {@code "*"}, then a preset beats none, then a service beats none, so
     * that component + service + preset > component + service > component > {@code "*"}.
     * Two different selectors matching the same cell never have the same specificity.
     *
     * @return 0 to 7
     */
    public int specificity() {
        return (component.equals(ComponentTable.ANY) ? 0 : 4) + (preset != null ? 2 : 0) + (service != null ? 1 : 0);
    }

    /**
     * Whether two rates have the same selector (a configuration error).
     *
     * @param other the other rate
     * @return true when component, service and preset are equal
     */
    public boolean sameSelector(Rate other) {
        return component.equals(other.component) && Objects.equals(service, other.service)
                && Objects.equals(preset, other.preset);
    }

    /** @return the selector as written in messages, e.g. {@code component aura-gpt, service ai} */
    public String selector() {
        StringBuilder text = new StringBuilder("component ").append(component);
        if (service != null) {
            text.append(", service ").append(service);
        }
        if (preset != null) {
            text.append(", preset ").append(preset);
        }
        return text.toString();
    }
}
