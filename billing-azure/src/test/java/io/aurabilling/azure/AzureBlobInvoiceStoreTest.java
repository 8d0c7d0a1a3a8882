package io.aurabilling.azure;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import io.aurabilling.store.InvoiceStore;
import io.aurabilling.store.InvoiceStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store contract on Azure Blob Storage (a real Azurite), each test in a container of its own. */
class AzureBlobInvoiceStoreTest extends InvoiceStoreContract {
    static final RequestRetryOptions FAST_RETRIES =
            new RequestRetryOptions(RetryPolicyType.FIXED, 2, Duration.ofSeconds(20), Duration.ofMillis(100),
                    Duration.ofMillis(100), null);
    private static final AtomicInteger CONTAINERS = new AtomicInteger();
    private static Azurite azurite;

    @BeforeAll
    static void startAzurite() throws Exception {
        azurite = Azurite.start(null, 0);
    }

    @AfterAll
    static void stopAzurite() {
        if (azurite != null) {
            azurite.close();
        }
    }

    @Override
    protected InvoiceStore newStore() {
        BlobContainerClient container = AzureContainers.fromConnectionString(azurite.connectionString(),
                "contract-" + CONTAINERS.incrementAndGet(), FAST_RETRIES);
        container.create();
        return new AzureBlobInvoiceStore(container, "invoices", Duration.ofSeconds(60));
    }

    @Override
    protected void tamper(InvoiceStore store, String name, byte[] bytes) {
        BlobContainerClient container = ((AzureBlobInvoiceStore) store).container();
        var blob = container.getBlobClient("invoices/" + name);
        var properties = blob.getProperties();
        // overwrite keeping the metadata (sha256 included), as a hand edit with a tool would
        blob.getBlockBlobClient().uploadWithResponse(new BlockBlobSimpleUploadOptions(BinaryData.fromBytes(bytes))
                .setMetadata(properties.getMetadata()), null, null);
    }

    @Test
    void locationNamesTheContainerAndPrefixWithoutTheKey() {
        InvoiceStore store = newStore();
        assertTrue(store.location().startsWith(azurite.blobEndpoint() + "/contract-"), store.location());
        assertTrue(store.location().endsWith("/invoices"), store.location());
        Azurite.checkNoSecret(store.location());
        Azurite.checkNoSecret(store.toString());
    }

    @Test
    void storesBlobsUnderThePrefixWithContentMd5AndTags() throws Exception {
        AzureBlobInvoiceStore store = (AzureBlobInvoiceStore) newStore();
        byte[] bytes = "{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        store.createIfAbsent("ob=BRA/period=2026-10/X-r1.json", bytes, "application/json",
                java.util.Map.of("ob", "BRA", "period", "2026-10", "revision", "1", "sha256", "s"));
        var blob = store.container().getBlobClient("invoices/ob=BRA/period=2026-10/X-r1.json");
        var properties = blob.getProperties();
        assertEquals("application/json", properties.getContentType());
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(bytes)),
                java.util.HexFormat.of().formatHex(properties.getContentMd5()));
        // the metadata are exactly what was given (storage.md's keys), the write id is in the disposition
        assertEquals(java.util.Map.of("ob", "BRA", "period", "2026-10", "revision", "1", "sha256", "s"),
                properties.getMetadata());
        assertTrue(properties.getContentDisposition().startsWith("attachment; filename=\"X-r1.json\"; write-id=\""),
                properties.getContentDisposition());
        // Azurite supports index tags; a real account without them gets the blob untagged
        assertEquals(java.util.Map.of("ob", "BRA", "period", "2026-10", "revision", "1"), blob.getTags());
    }
}
