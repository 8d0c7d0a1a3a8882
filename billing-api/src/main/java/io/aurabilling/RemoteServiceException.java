package io.aurabilling;

/**
 * A remote service (Kernel, Azure) failed after the configured retries.
 * Maps to exit code {@value #EXIT_CODE}.
 */
public class RemoteServiceException extends BillingException {
    private static final long serialVersionUID = 1L;

    /** The exit code of the {@code billing} command for this failure. */
    public static final int EXIT_CODE = 4;

    /**
     * Creates the exception.
     *
     * @param message what failed and what to do
     */
    public RemoteServiceException(String message) {
        super(message, null);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed and what to do
     * @param cause the underlying cause
     */
    public RemoteServiceException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
