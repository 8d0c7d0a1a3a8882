package io.aurabilling.kernel;

import io.aurabilling.RemoteServiceException;

/**
 * Kernel refused the application's credentials (the token endpoint answered {@code 400}/{@code 401}),
 * or rejected a freshly issued token. Not retried: the client id, secret or purpose must be fixed.
 * Exit code 4 like every remote failure.
 */
public class KernelAuthenticationException extends RemoteServiceException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed and what to do; never a secret
     */
    public KernelAuthenticationException(String message) {
        super(message);
    }
}
