package io.aurabilling.invoice;

import static java.util.Objects.requireNonNull;

/**
 * An Operating Business: the country operator an invoice is addressed to.
 *
 * @param country ISO 3166-1 alpha-3 code, e.g. {@code BRA}
 * @param name display name, e.g. {@code Telefônica Brasil}
 */
public record OperatingBusiness(String country, String name) {
    /** Validates the components. */
    public OperatingBusiness {
        requireNonNull(country, "country is null");
        requireNonNull(name, "name is null");
    }
}
