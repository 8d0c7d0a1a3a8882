package io.aurabilling.config.yaml;

import java.nio.file.Path;

/**
 * The optional {@code store} section: a local folder or an Azure container (exactly one).
 *
 * @param folder the local folder, or {@code null}
 * @param azure the Azure container, or {@code null}
 */
public record StoreSettings(Path folder, AzureStoreSettings azure) {
    /** Validates that exactly one store is set. */
    public StoreSettings {
        if ((folder == null) == (azure == null)) {
            throw new IllegalArgumentException("exactly one of folder and azure must be set");
        }
    }
}
