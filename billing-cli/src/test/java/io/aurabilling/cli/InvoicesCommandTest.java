package io.aurabilling.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code billing invoices list|get} on a store filled by {@code billing run}. */
class InvoicesCommandTest {
    @TempDir
    Path work;
    Path store;

    @BeforeEach
    void fillStore() {
        store = work.resolve("store");
        Cli.Result first = RunCommandTest.run(store, "--ob", "BRA", "--ob", "GBR");
        assertEquals(0, first.code(), first::toString);
        Cli.Result second = Cli.run("run", "--config", RunCommandTest.config.toString(), "--period", "2026-10",
                "--datasets", RunCommandTest.otherDatasets.toString(), "--store", store.toString(), "--ob", "BRA",
                "--revise", "--reason", "corrected usage");
        assertEquals(0, second.code(), second::toString);
    }

    @Test
    void listShowsEveryRevisionWithItsState() {
        Cli.Result r = Cli.run("invoices", "list", "--store", store.toString());
        assertEquals(0, r.code(), r::toString);
        List<String> lines = r.outLines();
        assertEquals(3, lines.size(), r::toString);
        assertTrue(lines.get(0).matches("BRA 2026-10 LIC-BRA-202610 r1 superseded total=[0-9]+\\.[0-9]{2} EUR "
                + "ob=BRA/period=2026-10/LIC-BRA-202610-r1\\.json ob=BRA/period=2026-10/LIC-BRA-202610-r1\\.xlsx"), lines.get(0));
        assertTrue(lines.get(1).startsWith("BRA 2026-10 LIC-BRA-202610 r2 latest total="), lines.get(1));
        assertTrue(lines.get(2).startsWith("GBR 2026-10 LIC-GBR-202610 r1 latest total="), lines.get(2));
        assertTrue(lines.get(2).contains(" GBP "), lines.get(2));

        Cli.Result gbr = Cli.run("invoices", "list", "--store", store.toString(), "--ob", "GBR", "--period", "2026-10");
        assertEquals(List.of(lines.get(2)), gbr.outLines());
        Cli.Result none = Cli.run("invoices", "list", "--store", store.toString(), "--period", "2026-09");
        assertEquals(0, none.code());
        assertEquals("", none.out());
        assertTrue(none.err().startsWith("no invoices for 2026-09"), none.err());
    }

    @Test
    void listTakesTheStoreFromTheConfig() throws IOException {
        Path yaml = work.resolve("with-store.yaml");
        Files.writeString(yaml, Files.readString(RunCommandTest.config) + "store:\n  folder: "
                + store.toString().replace('\\', '/') + "\n");
        Cli.Result r = Cli.run("invoices", "list", "--config", yaml.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals(3, r.outLines().size(), r::toString);
    }

    @Test
    void getWritesTheRevisionFilesWithTheirSha256Checked() throws IOException {
        Path to = work.resolve("download");
        Cli.Result r = Cli.run("invoices", "get", "LIC-BRA-202610", "--revision", "1", "--to", to.toString(),
                "--store", store.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of("wrote " + to.resolve("LIC-BRA-202610-r1.json") + " (sha256 checked)",
                "wrote " + to.resolve("LIC-BRA-202610-r1.xlsx") + " (sha256 checked)"), r.outLines());
        for (String name : List.of("LIC-BRA-202610-r1.json", "LIC-BRA-202610-r1.xlsx")) {
            Path stored = store.resolve("ob=BRA/period=2026-10/" + name);
            assertArrayEquals(Files.readAllBytes(stored), Files.readAllBytes(to.resolve(name)), name);
            // the digest recorded when the file was stored
            String recorded = new io.aurabilling.store.folder.FolderInvoiceStore(store)
                    .read("ob=BRA/period=2026-10/" + name).orElseThrow().metadata().get("sha256");
            assertEquals(sha256(Files.readAllBytes(to.resolve(name))), recorded, name);
        }

        Cli.Result latest = Cli.run("invoices", "get", "LIC-BRA-202610", "--to", to.toString(), "--store", store.toString());
        assertEquals(0, latest.code(), latest::toString);
        assertTrue(Files.isRegularFile(to.resolve("LIC-BRA-202610-r2.json")));
        assertTrue(Files.readString(to.resolve("LIC-BRA-202610-r2.json")).contains("corrected usage"));
    }

    @Test
    void aTamperedFileIsRefusedAndNothingIsWritten() throws IOException {
        Path json = store.resolve("ob=GBR/period=2026-10/LIC-GBR-202610-r1.json");
        Files.writeString(json, Files.readString(json).replaceFirst("\"total\": \"", "\"total\": \"1"),
                StandardCharsets.UTF_8);
        Path to = work.resolve("download");
        Cli.Result r = Cli.run("invoices", "get", "LIC-GBR-202610", "--to", to.toString(), "--store", store.toString());
        assertEquals(3, r.code(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains("SHA-256"), r.err());
        assertFalse(Files.exists(to.resolve("LIC-GBR-202610-r1.json")));
    }

    @Test
    void aFileReplacedWithoutItsMetadataIsRefused() throws IOException {
        // cp then mv: a new file without the original's extended attributes, so no recorded SHA-256
        Path json = store.resolve("ob=GBR/period=2026-10/LIC-GBR-202610-r1.json");
        Path copy = json.resolveSibling("edited.tmp");
        Files.writeString(copy, Files.readString(json).replaceFirst("\"total\": \"", "\"total\": \"1"));
        Files.move(copy, json, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path to = work.resolve("download");
        Cli.Result r = Cli.run("invoices", "get", "LIC-GBR-202610", "--to", to.toString(), "--store", store.toString());
        assertEquals(3, r.code(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        // (on a file system without extended attributes the sidecar stays behind and no longer matches)
        assertTrue(r.err().contains("has no recorded SHA-256") || r.err().contains("does not match its recorded SHA-256"),
                r.err());
        assertFalse(Files.exists(to.resolve("LIC-GBR-202610-r1.json")));
        // a run comparing its invoice with the stored one still works: it compares the content itself
        Files.writeString(json, Files.readString(json).replaceFirst("\"total\": \"1", "\"total\": \""));
        Cli.Result again = RunCommandTest.run(store, "--ob", "GBR");
        assertEquals(0, again.code(), again::toString);
        assertTrue(again.out().contains("unchanged"), again::toString);
    }

    @Test
    void anUnknownRevisionOrNumberIsAUsageError() {
        Cli.Result r = Cli.run("invoices", "get", "LIC-GBR-202610", "--revision", "9", "--to",
                work.resolve("d").toString(), "--store", store.toString());
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains("invoice LIC-GBR-202610 revision 9 is not in the store"), r.err());
        Cli.Result unknown = Cli.run("invoices", "get", "LIC-XXX-202610", "--to", work.resolve("d").toString(),
                "--store", store.toString());
        assertEquals(2, unknown.code(), unknown::toString);
        assertEquals(1, unknown.errLines().size(), unknown::toString);
        assertTrue(unknown.err().contains("invoice LIC-XXX-202610 is not in the store"), unknown.err());
        assertTrue(unknown.err().contains("'billing invoices list'"), unknown.err());
        assertFalse(Files.exists(work.resolve("d")), "nothing written");
    }

    @Test
    void getNeedsTo() {
        Cli.Result r = Cli.run("invoices", "get", "LIC-GBR-202610", "--store", store.toString());
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().contains("--to"), r.err());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
