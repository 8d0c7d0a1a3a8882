package io.aurabilling.kernel;

import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a token request granted, without the token itself (which never leaves the client).
 *
 * @param scopes the granted scopes (the token response's {@code scope}), in the order Kernel wrote them
 * @param expiresIn the token's lifetime
 * @param purpose the purpose Kernel echoed, or empty
 */
public record TokenGrant(List<String> scopes, Duration expiresIn, String purpose) {
    /** Validates and copies the components. */
    public TokenGrant {
        scopes = List.copyOf(scopes);
        requireNonNull(expiresIn, "expiresIn is null");
        requireNonNull(purpose, "purpose is null");
    }

    /**
     * Whether a needed scope is granted ({@link KernelScopes#covers}).
     *
     * @param scope the needed scope
     * @return true when covered
     */
    public boolean covers(String scope) {
        return KernelScopes.covers(scopes, scope);
    }
}
