package io.aurabilling;

/**
 * A different invoice is already stored and no revision was asked for, or a concurrent run won the race for the same revision.
 * Maps to exit code {@value #EXIT_CODE}.
 */
public class ConflictException extends BillingException {
    private static final long serialVersionUID = 1L;

    /** The exit code of the {@code billing} command for this failure. */
    public static final int EXIT_CODE = 5;

    /**
     * Creates the exception.
     *
     * @param message what failed and what to do
     */
    public ConflictException(String message) {
        super(message, null);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed and what to do
     * @param cause the underlying cause
     */
    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
