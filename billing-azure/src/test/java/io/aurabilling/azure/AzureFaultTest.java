package io.aurabilling.azure;

import com.azure.core.http.HttpMethod;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import io.aurabilling.RemoteServiceException;
import io.aurabilling.invoice.json.JsonInvoiceWriter;
import io.aurabilling.store.CreateOutcome;
import io.aurabilling.store.ForwardingStore;
import io.aurabilling.store.InvoiceStore;
import io.aurabilling.store.StoreFixtures;
import io.aurabilling.store.StoredObject;
import io.aurabilling.store.StoredObjectInfo;
import io.aurabilling.store.history.FilingStatus;
import io.aurabilling.store.history.HistoryEntry;
import io.aurabilling.store.history.InvoiceHistory;
import io.aurabilling.store.history.RevisionRequest;
import io.aurabilling.store.history.RevisionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults against a real Azurite: the service going away mid-run, 409 races and SDK retries, and datasets. */
class AzureFaultTest {
    private static final String BRA = "ob=BRA/period=2026-10/";

    @Test
    @Timeout(180)
    void azuriteStoppedMidRunIsARemoteErrorAndLeavesNoCompleteLookingRevision(@TempDir Path data) throws Exception {
        Azurite first = Azurite.start(data, 0);
        int port = first.port();
        String connection = first.connectionString();
        BlobContainerClient container = AzureContainers.fromConnectionString(connection, "faults",
                AzureBlobInvoiceStoreTest.FAST_RETRIES);
        container.create();
        InvoiceStore azure = new AzureBlobInvoiceStore(container, "", Duration.ofSeconds(30));
        // the service goes away after the XLSX is stored, before the JSON (the commit point)
        InvoiceStore stopsBeforeJson = new StopBeforeJson(azure, first);
        InvoiceHistory history = new InvoiceHistory(stopsBeforeJson, new JsonInvoiceWriter(), new StoreFixtures.FakeXlsxWriter());

        RemoteServiceException e = assertThrows(RemoteServiceException.class,
                () -> history.file(StoreFixtures.invoice("BRA", "2026-10", "10.00"), RevisionRequest.NONE));
        assertEquals(4, e.exitCode());
        assertTrue(e.getMessage().contains(BRA + "LIC-BRA-202610-r1.json"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
        Azurite.checkNoSecret(e.getMessage());

        try (Azurite again = Azurite.start(data, port)) {
            InvoiceHistory after = new InvoiceHistory(azure, new JsonInvoiceWriter(), new StoreFixtures.FakeXlsxWriter());
            assertEquals(List.of(BRA + "LIC-BRA-202610-r1.xlsx"),
                    azure.list("").stream().map(StoredObjectInfo::name).toList(), "the JSON marker is absent");
            assertEquals(List.of(RevisionState.INTERRUPTED),
                    after.list("BRA", null).stream().map(HistoryEntry::state).toList());
            // a re-run completes the interrupted write
            assertEquals(FilingStatus.COMPLETED,
                    after.file(StoreFixtures.invoice("BRA", "2026-10", "10.00"), RevisionRequest.NONE).status());
        }
    }

    @Test
    @Timeout(120)
    void conflict409TellsAnotherWriterFromAnSdkRetryOfOurOwnWrite() throws Exception {
        try (Azurite azurite = Azurite.start(null, 0)) {
            BlobContainerClient plain = AzureContainers.fromConnectionString(azurite.connectionString(), "races",
                    AzureBlobInvoiceStoreTest.FAST_RETRIES);
            plain.create();
            // a pipeline that sends every conditional PUT twice: the second attempt meets our own first write
            HttpPipelinePolicy resend = (context, next) -> {
                if (context.getHttpRequest().getHttpMethod() == HttpMethod.PUT
                        && "*".equals(context.getHttpRequest().getHeaders().getValue("If-None-Match"))) {
                    return next.clone().process().flatMap(lost -> {
                        lost.close();
                        return next.process();
                    });
                }
                return next.process();
            };
            BlobContainerClient resending = new BlobContainerClientBuilder().connectionString(azurite.connectionString())
                    .containerName("races").httpClient(new com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder().build())
                    .addPolicy(resend).buildClient();
            InvoiceStore mine = new AzureBlobInvoiceStore(resending, "p");
            InvoiceStore theirs = new AzureBlobInvoiceStore(plain, "p");
            byte[] bytes = "same".getBytes(StandardCharsets.UTF_8);

            assertEquals(CreateOutcome.CREATED, mine.createIfAbsent("a.json", bytes, "application/json", Map.of("sha256", "x")));
            // another writer, even with identical bytes, finds the name taken (409)
            assertEquals(CreateOutcome.ALREADY_EXISTS, theirs.createIfAbsent("a.json", bytes, "application/json", Map.of("sha256", "x")));
            assertEquals(CreateOutcome.ALREADY_EXISTS, mine.createIfAbsent("a.json", "other".getBytes(StandardCharsets.UTF_8),
                    "application/json", Map.of("sha256", "y")));
            Optional<StoredObject> stored = theirs.read("a.json");
            assertArrayEquals(bytes, stored.orElseThrow().bytes());
            assertEquals(Map.of("sha256", "x"), stored.orElseThrow().metadata(), "the private write id is not exposed");
        }
    }

    @Test
    @Timeout(120)
    void datasetFilesAreListedAndDownloadedWithTheLocalLayout(@TempDir Path cache) throws Exception {
        try (Azurite azurite = Azurite.start(null, 0)) {
            BlobContainerClient container = AzureContainers.fromConnectionString(azurite.connectionString(), "aura",
                    AzureBlobInvoiceStoreTest.FAST_RETRIES);
            container.create();
            for (String name : List.of("exports/Aura_Audit/DAY_DT=2026-10-02/part-0.avro",
                    "exports/Aura_Audit/DAY_DT=2026-10-01/part-1.avro", "exports/Aura_Audit/DAY_DT=2026-10-01/part-0.avro",
                    "exports/Aura_Audit/_SUCCESS", "exports/D_Aura_Component/part-0.avro", "other/Aura_Audit/x.avro")) {
                container.getBlobClient(name).upload(BinaryData.fromString("bytes of " + name));
            }
            AzureDatasetFiles files = new AzureDatasetFiles(container, "exports", Duration.ofSeconds(30));
            List<String> expected = List.of("Aura_Audit/DAY_DT=2026-10-01/part-0.avro",
                    "Aura_Audit/DAY_DT=2026-10-01/part-1.avro", "Aura_Audit/DAY_DT=2026-10-02/part-0.avro");
            assertEquals(expected, files.list("Aura_Audit"));

            List<Path> local = files.download("Aura_Audit", cache);
            assertEquals(expected.stream().map(cache::resolve).toList(), local);
            assertEquals("bytes of exports/Aura_Audit/DAY_DT=2026-10-02/part-0.avro", Files.readString(local.get(2)));
        }
    }

    @Test
    void secretsAreRedacted() {
        assertEquals("https://a.blob.core.windows.net/c?sv=***&sig=***",
                AzureContainers.redact("https://a.blob.core.windows.net/c?sv=2024-01-01&sig=abc%2Fdef"));
        assertEquals("AccountName=x;AccountKey=***;", AzureContainers.redact("AccountName=x;AccountKey=c2VjcmV0==;"));
    }

    /** Delegates to a store, stopping Azurite just before the first JSON create. */
    private static final class StopBeforeJson extends ForwardingStore {
        private final Azurite azurite;

        StopBeforeJson(InvoiceStore store, Azurite azurite) {
            super(store);
            this.azurite = azurite;
        }

        @Override
        public CreateOutcome createIfAbsent(String name, byte[] bytes, String mediaType, Map<String, String> metadata) {
            if (name.endsWith(".json")) {
                azurite.close();
            }
            return store.createIfAbsent(name, bytes, mediaType, metadata);
        }
    }
}
