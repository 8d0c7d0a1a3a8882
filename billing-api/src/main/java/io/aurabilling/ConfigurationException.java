package io.aurabilling;

/**
 * A usage or configuration error: a bad `billing.yaml`, an unknown pricing model, a missing environment variable, a plugin that cannot be loaded.
 * Maps to exit code {@value #EXIT_CODE}.
 */
public class ConfigurationException extends BillingException {
    private static final long serialVersionUID = 1L;

    /** The exit code of the {@code billing} command for this failure. */
    public static final int EXIT_CODE = 2;

    /**
     * Creates the exception.
     *
     * @param message what failed and what to do
     */
    public ConfigurationException(String message) {
        super(message, null);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed and what to do
     * @param cause the underlying cause
     */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
