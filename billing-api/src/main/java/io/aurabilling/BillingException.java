package io.aurabilling;

/**
 * Base of every error the library reports on purpose. Each subclass maps to one
 * exit code of the {@code billing} command, so that a job scheduler can tell a bad
 * configuration from bad data, a remote outage or a conflict.
 *
 * <p>Messages are written for the person who has to act: they name the file, line or
 * record and say what to do. They never contain secrets.
 */
public abstract class BillingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what failed and what to do, never {@code null}
     * @param cause the underlying cause, or {@code null}
     */
    protected BillingException(String message, Throwable cause) {
        super(java.util.Objects.requireNonNull(message, "message is null"), cause);
    }

    /**
     * The process exit code of the {@code billing} command for this kind of failure.
     *
     * @return 2, 3, 4 or 5 as listed in the CLI contract
     */
    public abstract int exitCode();
}
