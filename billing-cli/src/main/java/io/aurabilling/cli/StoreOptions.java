package io.aurabilling.cli;

import io.aurabilling.ConfigurationException;
import io.aurabilling.azure.AzureBlobInvoiceStore;
import io.aurabilling.azure.AzureContainers;
import io.aurabilling.config.yaml.AzureStoreSettings;
import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.config.yaml.StoreSettings;
import io.aurabilling.store.InvoiceStore;
import io.aurabilling.store.folder.FolderInvoiceStore;
import picocli.CommandLine.Option;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * The store options shared by {@code run} and {@code invoices}: {@code --store DIR} or
 * {@code --azure-container URL}. They override the configuration's {@code store:}; when
 * neither is given, the configuration's store is used, else the folder {@value #DEFAULT_FOLDER}.
 */
public final class StoreOptions {
    /** The local store folder when neither an option nor the configuration names a store. */
    public static final String DEFAULT_FOLDER = "invoices";

    @Option(names = "--store", paramLabel = "DIR",
            description = "Local invoice store folder (overrides the config's store; default: the config's store, "
                    + "else '" + DEFAULT_FOLDER + "').")
    Path folder;

    @Option(names = "--azure-container", paramLabel = "URL",
            description = "Azure Blob container URL https://<account>.blob.core.windows.net/<container>; "
                    + "authenticates with the config's store.azure auth settings, else DefaultAzureCredential.")
    String azureContainer;

    /** Used by picocli. */
    public StoreOptions() {
    }

    /**
     * Opens the store these options (or the configuration) name.
     *
     * @param config the loaded configuration, or {@code null} when none was given
     * @return the store and how to show its objects' paths
     * @throws ConfigurationException when both options are given or the URL is not a container URL
     */
    public OpenedStore open(BillingConfig config) {
        if (folder != null && azureContainer != null) {
            throw new ConfigurationException("--store and --azure-container both name a store; give only one");
        }
        StoreSettings configured = config == null ? null : config.store();
        if (folder != null) {
            return OpenedStore.folder(folder);
        }
        if (azureContainer != null) {
            String url = checkedContainerUrl(azureContainer);
            AzureStoreSettings base = configured == null ? null : configured.azure();
            AzureStoreSettings settings = base == null
                    ? new AzureStoreSettings(url, "", "default", null, null)
                    // the container comes from the option; auth (and, for the same container, the prefix) from the config
                    : new AzureStoreSettings(url, sameContainer(url, base.containerUrl()) ? base.prefix() : "",
                    base.auth(), base.connectionString(), base.sasToken());
            return OpenedStore.azure(settings);
        }
        if (configured != null) {
            return configured.folder() != null ? OpenedStore.folder(configured.folder())
                    : OpenedStore.azure(configured.azure());
        }
        return OpenedStore.folder(Path.of(DEFAULT_FOLDER));
    }

    private static boolean sameContainer(String a, String b) {
        return trimSlashes(a).equalsIgnoreCase(trimSlashes(b));
    }

    private static String trimSlashes(String url) {
        return url.replaceAll("/+$", "");
    }

    /** A container URL without secrets: https (or http on a loopback emulator), no query. */
    static String checkedContainerUrl(String text) {
        requireNonNull(text, "text is null");
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new ConfigurationException("--azure-container is not a URL; expected "
                    + "https://<account>.blob.core.windows.net/<container>", e);
        }
        if (uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            // never echo it: the query of a blob URL is usually a SAS token
            throw new ConfigurationException("--azure-container must be the bare container URL: a secret such as a "
                    + "SAS token is never accepted on the command line; put it in the config's store.azure "
                    + "(sas-token: ${env:NAME}) or use DefaultAzureCredential");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost();
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        String path = uri.getPath() == null ? "" : trimSlashes(uri.getPath());
        if (!(scheme.equals("https") || scheme.equals("http") && loopback) || host.isEmpty() || path.isEmpty()) {
            throw new ConfigurationException("--azure-container '" + text + "' is not a container URL; expected "
                    + "https://<account>.blob.core.windows.net/<container> (http only for a local emulator)");
        }
        return text;
    }

    /**
     * An open store and the text its object paths are shown under.
     *
     * @param store the store
     * @param shownAs the folder as given (e.g. {@code invoices}) or the container's location
     */
    public record OpenedStore(InvoiceStore store, String shownAs) {
        /** Validates the components. */
        public OpenedStore {
            requireNonNull(store, "store is null");
            requireNonNull(shownAs, "shownAs is null");
        }

        static OpenedStore folder(Path dir) {
            return new OpenedStore(new FolderInvoiceStore(dir), dir.toString().replace('\\', '/'));
        }

        static OpenedStore azure(AzureStoreSettings settings) {
            try {
                AzureBlobInvoiceStore store = new AzureBlobInvoiceStore(AzureContainers.fromSettings(settings),
                        settings.prefix());
                return new OpenedStore(store, store.location());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException("the Azure container " + settings.containerUrl()
                        + " cannot be used: " + e.getMessage() + "; check the container URL and store.azure", e);
            }
        }

        /**
         * How an object of the store is shown, e.g. {@code invoices/ob=BRA/period=2026-10/LIC-BRA-202610-r1.json}.
         *
         * @param name the object name
         * @return the display path
         */
        public String show(String name) {
            return shownAs.isEmpty() ? name : shownAs + "/" + name;
        }
    }
}
