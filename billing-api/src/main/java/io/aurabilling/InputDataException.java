package io.aurabilling;

/**
 * An input data error: an unreadable or corrupt file, a schema without a field billing needs, usage that no price applies to.
 * Maps to exit code {@value #EXIT_CODE}.
 */
public class InputDataException extends BillingException {
    private static final long serialVersionUID = 1L;

    /** The exit code of the {@code billing} command for this failure. */
    public static final int EXIT_CODE = 3;

    /**
     * Creates the exception.
     *
     * @param message what failed and what to do
     */
    public InputDataException(String message) {
        super(message, null);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed and what to do
     * @param cause the underlying cause
     */
    public InputDataException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
