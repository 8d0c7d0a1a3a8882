package io.aurabilling.config.yaml;

import io.aurabilling.config.Secret;

import static java.util.Objects.requireNonNull;

/**
 * {@code store.azure}: an Azure Blob Storage container.
 *
 * @param containerUrl {@code https://<account>.blob.core.windows.net/<container>}
 * @param prefix blob name prefix (may be empty)
 * @param auth {@code default} (DefaultAzureCredential), {@code connection-string} or {@code sas}
 * @param connectionString the connection string when {@code auth} is {@code connection-string}, else {@code null}
 * @param sasToken the SAS token when {@code auth} is {@code sas}, else {@code null}
 */
public record AzureStoreSettings(String containerUrl, String prefix, String auth, Secret connectionString,
                                 Secret sasToken) {
    /** Validates the components. */
    public AzureStoreSettings {
        requireNonNull(containerUrl, "containerUrl is null");
        requireNonNull(prefix, "prefix is null");
        requireNonNull(auth, "auth is null");
    }
}
