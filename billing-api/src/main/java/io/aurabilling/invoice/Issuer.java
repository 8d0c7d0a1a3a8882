package io.aurabilling.invoice;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Who issues the invoices (printed on every invoice).
 *
 * @param name the issuer's name
 * @param address the issuer's address, or {@code null}
 */
public record Issuer(String name, String address) {
    /** Validates the components. */
    public Issuer {
        requireNonNull(name, "name is null");
    }

    /** @return the address, when configured */
    public Optional<String> optionalAddress() {
        return Optional.ofNullable(address);
    }
}
