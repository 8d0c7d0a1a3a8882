package io.aurabilling.azure;

import com.azure.core.util.Context;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import io.aurabilling.RemoteServiceException;
import io.aurabilling.store.InvoiceStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Aura datasets in a blob container, with the local folder's layout under a prefix:
 * {@code <prefix>/<Dataset>/**.avro}. Lists a dataset's files and downloads them to a
 * local cache folder, from where the dataset reader reads them like a local folder.
 */
public final class AzureDatasetFiles {
    private final BlobContainerClient container;
    private final String prefix;
    private final Duration timeout;

    /**
     * Creates the source.
     *
     * @param container the container
     * @param prefix the blob name prefix of the dataset folders (may be empty)
     * @param timeout the limit of one operation including retries
     */
    public AzureDatasetFiles(BlobContainerClient container, String prefix, Duration timeout) {
        this.container = requireNonNull(container, "container is null");
        String p = requireNonNull(prefix, "prefix is null");
        this.prefix = p.isEmpty() || p.endsWith("/") ? p : p + "/";
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    /**
     * The {@code .avro} files of a dataset, relative to the prefix, sorted; other files are ignored.
     *
     * @param dataset the dataset name, e.g. {@code Aura_Audit}
     * @return e.g. {@code Aura_Audit/DAY_DT=2026-10-01/part-0.avro}
     * @throws RemoteServiceException when listing fails after retries
     */
    public List<String> list(String dataset) {
        InvoiceStore.requireValidName(requireNonNull(dataset, "dataset is null"));
        String folder = prefix + dataset + "/";
        try {
            List<String> files = new ArrayList<>();
            for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(folder), timeout)) {
                if (item.getName().endsWith(".avro") && !Boolean.TRUE.equals(item.isPrefix())) {
                    files.add(item.getName().substring(prefix.length()));
                }
            }
            files.sort(null);
            return List.copyOf(files);
        } catch (RuntimeException e) {
            throw failure("list " + folder, e);
        }
    }

    /**
     * Downloads a dataset's {@code .avro} files into {@code <cache>/<Dataset>/…} (replacing
     * older copies) and returns them.
     *
     * @param dataset the dataset name
     * @param cache the local cache folder
     * @return the local files, in the order of {@link #list}
     * @throws RemoteServiceException when a download fails after retries
     */
    public List<Path> download(String dataset, Path cache) {
        requireNonNull(cache, "cache is null");
        List<Path> local = new ArrayList<>();
        for (String file : list(dataset)) {
            Path target = cache.resolve(file).normalize();
            if (!target.startsWith(cache.normalize())) {
                throw new RemoteServiceException("blob " + prefix + file + " escapes the cache folder; remove it");
            }
            try {
                Files.createDirectories(target.getParent());
                Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
                try {
                    byte[] bytes = container.getBlobClient(prefix + file)
                            .downloadContentWithResponse(null, null, timeout, Context.NONE).getValue().toBytes();
                    Files.write(temp, bytes);
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                throw failure("download " + prefix + file, e);
            }
            local.add(target);
        }
        return List.copyOf(local);
    }

    private RemoteServiceException failure(String action, RuntimeException e) {
        if (e instanceof RemoteServiceException r) {
            return r;
        }
        String detail = e instanceof BlobStorageException b ? "HTTP " + b.getStatusCode() + " " + b.getErrorCode()
                : e.getClass().getSimpleName();
        return new RemoteServiceException("cannot " + action + " in " + AzureContainers.redact(container.getBlobContainerUrl())
                + " after retries (" + detail + "); check the network, the credentials and the container, then re-run", e);
    }
}
