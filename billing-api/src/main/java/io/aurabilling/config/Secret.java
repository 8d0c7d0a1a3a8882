package io.aurabilling.config;

import static java.util.Objects.requireNonNull;

/**
 * A secret configuration value (a client secret, a SAS token, a connection string).
 * It never shows in {@code toString()}, logs or exception messages: only code that
 * needs the value calls {@link #reveal()}.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = requireNonNull(value, "value is null");
    }

    /**
     * Wraps a secret value.
     *
     * @param value the secret
     * @return the wrapper
     */
    public static Secret of(String value) {
        return new Secret(value);
    }

    /**
     * The secret itself, for the one place that sends it (an HTTP header, an SDK).
     *
     * @return the value
     */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** @return always {@code "******"} */
    @Override
    public String toString() {
        return "******";
    }
}
