package io.aurabilling.config.yaml;

import io.aurabilling.config.Secret;

import java.net.URI;
import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * The optional {@code kernel} section: how to reach Kernel's datasets.
 *
 * @param environment the Kernel environment, e.g. {@code es-pro}
 * @param authUrl the token endpoint (default {@code https://auth.<env>.baikalplatform.com/token})
 * @param apiUrl the API base (default {@code https://api.<env>.baikalplatform.com})
 * @param clientId the application's client id
 * @param clientSecret the application's client secret (never shown)
 * @param purpose the purpose sent with the token request, or {@code null}
 * @param cache the folder where downloaded files are kept and reused
 */
public record KernelSettings(String environment, URI authUrl, URI apiUrl, String clientId, Secret clientSecret,
                             String purpose, Path cache) {
    /** Validates the components. */
    public KernelSettings {
        requireNonNull(environment, "environment is null");
        requireNonNull(authUrl, "authUrl is null");
        requireNonNull(apiUrl, "apiUrl is null");
        requireNonNull(clientId, "clientId is null");
        requireNonNull(clientSecret, "clientSecret is null");
        requireNonNull(cache, "cache is null");
    }
}
