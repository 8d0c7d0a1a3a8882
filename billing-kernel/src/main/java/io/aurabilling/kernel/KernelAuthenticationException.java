package io.aurabilling.kernel;

import io.aurabilling.RemoteServiceException;

/**
 * Kernel refused the application's credentials (the token endpoint answered {@code 400}/{@code 401}),
 * rejected a freshly issued token, or denied the application a call ({@code 403}: a scope is
 * missing). Not retried: the client id, secret, purpose or the granted scopes must be fixed, so
 * this is a configuration error (exit 2, as {@code billing preflight} reports missing access), not
 * a remote failure after retries (exit 4), although it stays a {@link RemoteServiceException} for
 * callers that catch those.
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

    /** @return {@link io.aurabilling.ConfigurationException#EXIT_CODE}: the configuration or the granted access must change */
    @Override
    public int exitCode() {
        return io.aurabilling.ConfigurationException.EXIT_CODE;
    }
}
