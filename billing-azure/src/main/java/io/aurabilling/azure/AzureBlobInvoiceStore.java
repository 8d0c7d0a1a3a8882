package io.aurabilling.azure;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.blob.models.BlobDownloadContentResponse;
import io.aurabilling.RemoteServiceException;
import io.aurabilling.store.CreateOutcome;
import io.aurabilling.store.InvoiceStore;
import io.aurabilling.store.StoredObject;
import io.aurabilling.store.StoredObjectInfo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The production invoice store: blobs in an Azure Blob Storage container, under an
 * optional name prefix. Build the container client with {@link AzureContainers} (connection
 * string, SAS token, {@code TokenCredential}) or hand over a ready one.
 *
 * <p>Every create is a conditional PUT with {@code If-None-Match: *}, carrying the content
 * type, a Content-MD5 (checked by the service), the metadata and, where the account
 * supports them, the index tags {@code ob}, {@code period} and {@code revision} (an account
 * or emulator that rejects tags gets the blob without them). A {@code 409 BlobAlreadyExists}
 * means the name is taken, except when it is our own write seen again by an SDK retry:
 * that is recognised by a private per-call write id in the blob's Content-Disposition
 * ({@code attachment; filename="…"; write-id="…"}), so an identical blob written by a
 * concurrent run still counts as taken. The metadata are exactly storage.md's keys.
 *
 * <p>Failures after the client's retries are {@link RemoteServiceException}s (exit 4)
 * whose messages name the container and blob but never a key or signature.
 */
public final class AzureBlobInvoiceStore implements InvoiceStore {
    /**
     * Metadata key of the per-call write id in blobs of the first versions (read and ignored); the
     * id now travels in the Content-Disposition, so the metadata are exactly storage.md's.
     */
    public static final String WRITE_ID = "writeid";
    private static final List<String> TAGS = List.of("ob", "period", "revision");

    private final BlobContainerClient container;
    private final String prefix;
    private final Duration timeout;
    private volatile boolean tagsSupported = true;

    /**
     * Creates the store.
     *
     * @param container the container (it must exist)
     * @param prefix the blob name prefix, e.g. {@code invoices/} (empty for none; a missing
     *               trailing {@code /} is added)
     * @param timeout the limit of one operation including retries
     */
    public AzureBlobInvoiceStore(BlobContainerClient container, String prefix, Duration timeout) {
        this.container = requireNonNull(container, "container is null");
        String p = requireNonNull(prefix, "prefix is null");
        this.prefix = p.isEmpty() || p.endsWith("/") ? p : p + "/";
        if (!this.prefix.isEmpty()) {
            InvoiceStore.requireValidName(this.prefix.substring(0, this.prefix.length() - 1));
        }
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    /**
     * Creates the store with a 5-minute limit per operation.
     *
     * @param container the container
     * @param prefix the blob name prefix (may be empty)
     */
    public AzureBlobInvoiceStore(BlobContainerClient container, String prefix) {
        this(container, prefix, Duration.ofMinutes(5));
    }

    /** @return the container client (for tools and tests) */
    public BlobContainerClient container() {
        return container;
    }

    /** @return the blob name prefix, empty or ending with {@code /} */
    public String prefix() {
        return prefix;
    }

    @Override
    public String location() {
        return AzureContainers.redact(container.getBlobContainerUrl()) + (prefix.isEmpty() ? "" : "/" + prefix
                .substring(0, prefix.length() - 1));
    }

    @Override
    public CreateOutcome createIfAbsent(String name, byte[] bytes, String mediaType, Map<String, String> metadata) {
        String blobName = blobName(name);
        requireNonNull(bytes, "bytes is null");
        requireNonNull(mediaType, "mediaType is null");
        Map<String, String> stored = new TreeMap<>(requireNonNull(metadata, "metadata is null"));
        String writeId = UUID.randomUUID().toString();
        BlobClient blob = container.getBlobClient(blobName);
        String fileName = blobName.substring(blobName.lastIndexOf('/') + 1);
        BlobHttpHeaders headers = new BlobHttpHeaders().setContentType(mediaType).setContentMd5(digest("MD5", bytes))
                .setContentDisposition(contentDisposition(fileName, writeId));
        Map<String, String> tags = new TreeMap<>();
        for (String tag : TAGS) {
            if (metadata.containsKey(tag)) {
                tags.put(tag, metadata.get(tag));
            }
        }
        return remote("store", blobName, () -> {
            try {
                upload(blob, bytes, headers, stored, tagsSupported && !tags.isEmpty() ? tags : null);
                return CreateOutcome.CREATED;
            } catch (BlobStorageException e) {
                if (isTaken(e)) {
                    return ownRetriedWrite(blob, writeId) ? CreateOutcome.CREATED : CreateOutcome.ALREADY_EXISTS;
                }
                if (tagsSupported && !tags.isEmpty() && isTagsUnsupported(e)) {
                    // an account or emulator without blob index tags: store without them
                    tagsSupported = false;
                    try {
                        upload(blob, bytes, headers, stored, null);
                        return CreateOutcome.CREATED;
                    } catch (BlobStorageException again) {
                        if (isTaken(again)) {
                            return ownRetriedWrite(blob, writeId) ? CreateOutcome.CREATED : CreateOutcome.ALREADY_EXISTS;
                        }
                        throw again;
                    }
                }
                throw e;
            }
        });
    }

    private void upload(BlobClient blob, byte[] bytes, BlobHttpHeaders headers, Map<String, String> metadata,
                        Map<String, String> tags) {
        BlockBlobSimpleUploadOptions options = new BlockBlobSimpleUploadOptions(BinaryData.fromBytes(bytes))
                .setHeaders(headers).setMetadata(metadata).setTags(tags)
                .setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*"));
        blob.getBlockBlobClient().uploadWithResponse(options, timeout, Context.NONE);
    }

    /** Whether the blob that is in the way is the one this call wrote (an SDK retry after a lost response). */
    private boolean ownRetriedWrite(BlobClient blob, String writeId) {
        String disposition = blob.getPropertiesWithResponse(null, timeout, Context.NONE).getValue().getContentDisposition();
        return disposition != null && disposition.endsWith("; write-id=\"" + writeId + "\"");
    }

    /** A download as the file's own name (RFC 6266), with this call's write id as an extension parameter. */
    static String contentDisposition(String fileName, String writeId) {
        return "attachment; filename=\"" + fileName + "\"; write-id=\"" + writeId + "\"";
    }

    private static boolean isTaken(BlobStorageException e) {
        return e.getStatusCode() == 409 && BlobErrorCode.BLOB_ALREADY_EXISTS.equals(e.getErrorCode())
                || e.getStatusCode() == 412;
    }

    private static boolean isTagsUnsupported(BlobStorageException e) {
        String code = e.getErrorCode() == null ? "" : e.getErrorCode().toString();
        return e.getStatusCode() == 400 || e.getStatusCode() == 501 || code.contains("NotSupported");
    }

    @Override
    public Optional<StoredObject> read(String name) {
        String blobName = blobName(name);
        return remote("read", blobName, () -> {
            try {
                BlobDownloadContentResponse response = container.getBlobClient(blobName)
                        .downloadContentWithResponse(null, null, timeout, Context.NONE);
                Map<String, String> metadata = new TreeMap<>(response.getDeserializedHeaders().getMetadata() == null
                        ? Map.of() : response.getDeserializedHeaders().getMetadata());
                metadata.remove(WRITE_ID);
                return Optional.of(new StoredObject(name, response.getValue().toBytes(),
                        response.getDeserializedHeaders().getContentType(), metadata));
            } catch (BlobStorageException e) {
                if (e.getStatusCode() == 404) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    @Override
    public List<StoredObjectInfo> list(String namePrefix) {
        requireNonNull(namePrefix, "prefix is null");
        return remote("list", prefix + namePrefix + "*", () -> {
            ListBlobsOptions options = new ListBlobsOptions().setPrefix(prefix + namePrefix)
                    .setDetails(new BlobListDetails().setRetrieveMetadata(true));
            List<StoredObjectInfo> objects = new ArrayList<>();
            for (BlobItem item : container.listBlobs(options, timeout)) {
                Map<String, String> metadata = new TreeMap<>(item.getMetadata() == null ? Map.of() : item.getMetadata());
                metadata.remove(WRITE_ID);
                long size = item.getProperties().getContentLength() == null ? 0 : item.getProperties().getContentLength();
                objects.add(new StoredObjectInfo(item.getName().substring(prefix.length()), size, metadata));
            }
            objects.sort(java.util.Comparator.comparing(StoredObjectInfo::name));
            return List.copyOf(objects);
        });
    }

    @Override
    public String toString() {
        return "AzureBlobInvoiceStore[" + location() + "]";
    }

    private String blobName(String name) {
        return prefix + InvoiceStore.requireValidName(name);
    }

    /** Runs a remote call, turning what is left after the SDK's retries into a RemoteServiceException. */
    private <T> T remote(String action, String blobName, Supplier<T> call) {
        try {
            return call.get();
        } catch (BlobStorageException e) {
            throw new RemoteServiceException("Azure Blob Storage refused to " + action + " " + blobName + " in "
                    + location() + ": HTTP " + e.getStatusCode() + " " + e.getErrorCode() + "; "
                    + hint(e.getStatusCode()), e);
        } catch (RuntimeException e) {
            if (e instanceof io.aurabilling.BillingException || e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new RemoteServiceException("cannot " + action + " " + blobName + " in " + location()
                    + " after retries: " + AzureContainers.redact(rootMessage(e)) + "; check the network, the "
                    + "container URL and that the storage account is reachable, then re-run", e);
        }
    }

    private static String hint(int status) {
        return switch (status) {
            case 401, 403 -> "check the credentials and that they may read, write and list blobs in the container";
            case 404 -> "check that the container exists";
            default -> "re-run later; if it persists, check the storage account's health";
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this JVM", e);
        }
    }
}
