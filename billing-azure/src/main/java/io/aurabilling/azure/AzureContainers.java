package io.aurabilling.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import io.aurabilling.ConfigurationException;
import io.aurabilling.config.yaml.AzureStoreSettings;

import java.time.Duration;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Builds {@link BlobContainerClient}s on the JDK HTTP client with the library's retry
 * policy, from a connection string, a SAS token or any {@link TokenCredential}.
 */
public final class AzureContainers {
    /** Exponential retries: 4 tries, 1 s first delay, at most 10 s between, 60 s per try. */
    public static final RequestRetryOptions DEFAULT_RETRIES =
            new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, 4, Duration.ofSeconds(60), Duration.ofSeconds(1),
                    Duration.ofSeconds(10), null);
    private static final Pattern SECRETS =
            Pattern.compile("(?i)\\b(sig|AccountKey|SharedAccessSignature|se|sv|sp|skoid|sktid)=[^&;\\s]*");

    private AzureContainers() {
    }

    /**
     * A container from a connection string.
     *
     * @param connectionString the storage account's connection string (a secret)
     * @param container the container name
     * @param retries the retry policy
     * @return the client
     */
    public static BlobContainerClient fromConnectionString(String connectionString, String container,
                                                           RequestRetryOptions retries) {
        requireNonNull(connectionString, "connectionString is null");
        requireNonNull(container, "container is null");
        return builder(retries).connectionString(connectionString).containerName(container).buildClient();
    }

    /**
     * A container from its URL and a SAS token.
     *
     * @param containerUrl {@code https://<account>.blob.core.windows.net/<container>}
     * @param sasToken the SAS token, with or without a leading {@code ?} (a secret)
     * @param retries the retry policy
     * @return the client
     */
    public static BlobContainerClient fromSasToken(String containerUrl, String sasToken, RequestRetryOptions retries) {
        requireNonNull(containerUrl, "containerUrl is null");
        requireNonNull(sasToken, "sasToken is null");
        return builder(retries).endpoint(containerUrl).sasToken(sasToken.startsWith("?") ? sasToken.substring(1) : sasToken)
                .buildClient();
    }

    /**
     * A container from its URL and a token credential (managed identity, service principal, …).
     *
     * @param containerUrl {@code https://<account>.blob.core.windows.net/<container>}
     * @param credential the credential, e.g. {@code new DefaultAzureCredentialBuilder().build()}
     * @param retries the retry policy
     * @return the client
     */
    public static BlobContainerClient fromCredential(String containerUrl, TokenCredential credential,
                                                     RequestRetryOptions retries) {
        requireNonNull(containerUrl, "containerUrl is null");
        requireNonNull(credential, "credential is null");
        return builder(retries).endpoint(containerUrl).credential(credential).buildClient();
    }

    /**
     * A container as {@code billing.yaml}'s {@code store.azure} section says
     * ({@code auth}: {@code default}, {@code connection-string} or {@code sas}).
     *
     * @param settings the section
     * @return the client
     * @throws ConfigurationException for an unknown {@code auth} or a missing secret
     */
    public static BlobContainerClient fromSettings(AzureStoreSettings settings) {
        requireNonNull(settings, "settings is null");
        switch (settings.auth()) {
            case "default":
                return fromCredential(settings.containerUrl(), new DefaultAzureCredentialBuilder().build(), DEFAULT_RETRIES);
            case "connection-string": {
                if (settings.connectionString() == null) {
                    throw new ConfigurationException("store.azure.auth is connection-string but store.azure."
                            + "connection-string is not set; set it to ${env:VARIABLE}");
                }
                String url = settings.containerUrl();
                String container = url.substring(url.replaceAll("/+$", "").lastIndexOf('/') + 1).replaceAll("/+$", "");
                return fromConnectionString(settings.connectionString().reveal(), container, DEFAULT_RETRIES);
            }
            case "sas":
                if (settings.sasToken() == null) {
                    throw new ConfigurationException("store.azure.auth is sas but store.azure.sas-token is not set; "
                            + "set it to ${env:VARIABLE}");
                }
                return fromSasToken(settings.containerUrl(), settings.sasToken().reveal(), DEFAULT_RETRIES);
            default:
                throw new ConfigurationException("store.azure.auth '" + settings.auth()
                        + "' is not known; use default, connection-string or sas");
        }
    }

    private static BlobContainerClientBuilder builder(RequestRetryOptions retries) {
        HttpClient http = new JdkHttpClientBuilder().build();
        return new BlobContainerClientBuilder().httpClient(http).retryOptions(requireNonNull(retries, "retries is null"));
    }

    /**
     * Removes signatures and keys from a text (an SDK message, a URL) before it goes into
     * one of our messages.
     *
     * @param text the text, or {@code null}
     * @return the text with secret values replaced by {@code ***}
     */
    static String redact(String text) {
        if (text == null) {
            return "";
        }
        return SECRETS.matcher(text).replaceAll("$1=***");
    }
}
