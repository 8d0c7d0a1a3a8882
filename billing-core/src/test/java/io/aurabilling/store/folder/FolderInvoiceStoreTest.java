package io.aurabilling.store.folder;

import io.aurabilling.store.InvoiceStore;
import io.aurabilling.store.InvoiceStoreContract;
import io.aurabilling.store.StoredObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store contract on a local folder, plus what is particular to folders. */
class FolderInvoiceStoreTest extends InvoiceStoreContract {
    @TempDir
    Path tmp;
    private int stores;

    @Override
    protected InvoiceStore newStore() {
        return new FolderInvoiceStore(tmp.resolve("store-" + stores++));
    }

    @Override
    protected void tamper(InvoiceStore store, String name, byte[] bytes) throws Exception {
        Files.write(((FolderInvoiceStore) store).path(name), bytes);
    }

    @Test
    void keepsMetadataWithTheFileAndLeavesNoOtherFile() throws Exception {
        FolderInvoiceStore store = new FolderInvoiceStore(tmp.resolve("s"));
        store.createIfAbsent("ob=BRA/x.json", "{}".getBytes(StandardCharsets.UTF_8), "application/json",
                Map.of("sha256", "s", "total", "12.30"));
        // the layout of storage.md and nothing else: metadata are extended attributes of the file
        try (var files = Files.list(tmp.resolve("s/ob=BRA"))) {
            assertEquals(List.of("x.json"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        StoredObject x = new FolderInvoiceStore(tmp.resolve("s")).read("ob=BRA/x.json").orElseThrow();
        assertEquals("application/json", x.mediaType());
        assertEquals(Map.of("sha256", "s", "total", "12.30"), x.metadata());
        assertEquals(Map.of("sha256", "s", "total", "12.30"), store.list("ob=BRA/").get(0).metadata());
    }

    @Test
    void readsTheSidecarOfAStoreWithoutExtendedAttributes() throws Exception {
        // what the first versions wrote, and what a file system without user attributes gets
        Path dir = Files.createDirectories(tmp.resolve("s/ob=BRA"));
        Files.write(dir.resolve("z.json"), "{}".getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("z.json" + FolderInvoiceStore.SIDECAR_SUFFIX),
                "{\"mediaType\":\"application/json\",\"metadata\":{\"sha256\":\"t\",\"revision\":\"2\"}}");
        FolderInvoiceStore store = new FolderInvoiceStore(tmp.resolve("s"));
        assertEquals(Map.of("sha256", "t", "revision", "2"), store.read("ob=BRA/z.json").orElseThrow().metadata());
        assertEquals(List.of("ob=BRA/z.json"), store.list("").stream().map(o -> o.name()).toList(), "a sidecar is no object");
    }

    @Test
    void crashLeftoversAreNotObjects() throws Exception {
        FolderInvoiceStore store = new FolderInvoiceStore(tmp.resolve("s"));
        Path dir = Files.createDirectories(tmp.resolve("s/ob=BRA"));
        // what a crash before the publish leaves: a hidden temp file
        Files.write(dir.resolve(".x.json.123.tmp"), new byte[] {1});
        assertEquals(List.of(), store.list(""));
        // a crash between content and sidecar: no metadata, and no sha256 made up from the content
        Files.write(dir.resolve("y.json"), "abc".getBytes(StandardCharsets.UTF_8));
        StoredObject y = store.read("ob=BRA/y.json").orElseThrow();
        assertEquals(Map.of(), y.metadata());
    }

    @Test
    void withoutHardLinksAnExistingNameIsNeverReplaced() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("nolinks"));
        Path first = Files.write(dir.resolve(".a.tmp"), "first".getBytes(StandardCharsets.UTF_8));
        Path second = Files.write(dir.resolve(".b.tmp"), "second".getBytes(StandardCharsets.UTF_8));
        Path target = dir.resolve("x.json");
        assertTrue(FolderInvoiceStore.publishWithoutLinks(first, target));
        assertFalse(FolderInvoiceStore.publishWithoutLinks(second, target), "the name is taken");
        assertEquals("first", Files.readString(target));
        assertTrue(Files.exists(second), "the loser's temp file is left for its writer to delete");
    }
}
