package io.aurabilling.dataset;

import io.aurabilling.InputDataException;
import org.apache.avro.file.CodecFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local folder source: linked folders are read like the folders they point to (cli.md: any nesting). */
class LocalDatasetFolderTest {
    @TempDir
    Path tmp;

    private static void audit(Path file, String interaction) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, AvroFiles.write(AvroFiles.AUDIT, List.of(AvroFiles.auditRecord(AvroFiles.AUDIT,
                AuditRow.of(interaction, "2026-10-02T10:00:00Z", "DEU", "c"))), 100, CodecFactory.nullCodec()));
    }

    @Test
    void linkedDayFoldersAndALinkedDatasetFolderAreRead() throws IOException {
        Path datasets = tmp.resolve("datasets");
        audit(datasets.resolve("Aura_Audit/DAY_DT=2026-10-01/p.avro"), "k1");
        audit(tmp.resolve("elsewhere/day2/p.avro"), "k2");
        Files.createSymbolicLink(datasets.resolve("Aura_Audit/DAY_DT=2026-10-02"), tmp.resolve("elsewhere/day2"));
        LocalDatasetFolder folder = LocalDatasetFolder.of(datasets);
        assertEquals(List.of("DAY_DT=2026-10-01/p.avro", "DAY_DT=2026-10-02/p.avro"),
                folder.files("Aura_Audit").stream().map(DatasetSource.DatasetFile::relativePath).toList());
        assertEquals(2, AuraDatasets.read(datasets, AuraDatasetsTest.OCTOBER, c -> ZoneOffset.UTC, ZoneOffset.UTC)
                .usage().totalRows().billed());

        // the dataset folder itself a link (e.g. to a mounted share)
        Path linked = Files.createDirectories(tmp.resolve("linked"));
        Files.createSymbolicLink(linked.resolve("Aura_Audit"), datasets.resolve("Aura_Audit"));
        assertEquals(2, LocalDatasetFolder.of(linked).files("Aura_Audit").size());
    }

    @Test
    void aFileReachedTwiceThroughALinkIsReadOnce() throws IOException {
        Path datasets = tmp.resolve("datasets");
        audit(datasets.resolve("Aura_Audit/DAY_DT=2026-10-01/p.avro"), "k1");
        // a convenience link inside the dataset folder
        Files.createSymbolicLink(datasets.resolve("Aura_Audit/latest"), Path.of("DAY_DT=2026-10-01"));
        assertEquals(List.of("DAY_DT=2026-10-01/p.avro"), LocalDatasetFolder.of(datasets).files("Aura_Audit").stream()
                .map(DatasetSource.DatasetFile::relativePath).toList());
    }

    @Test
    void aLoopOfLinksIsAnErrorNamingTheFolder() throws IOException {
        Path datasets = tmp.resolve("datasets");
        audit(datasets.resolve("Aura_Audit/DAY_DT=2026-10-01/p.avro"), "k1");
        Files.createSymbolicLink(datasets.resolve("Aura_Audit/DAY_DT=2026-10-01/again"), datasets.resolve("Aura_Audit"));
        InputDataException e = assertThrows(InputDataException.class,
                () -> LocalDatasetFolder.of(datasets).files("Aura_Audit"));
        assertTrue(e.getMessage().contains("cannot list dataset folder " + datasets.resolve("Aura_Audit")), e.getMessage());
    }
}
