package io.aurabilling.cli;

import io.aurabilling.dataset.DatasetSource;
import io.aurabilling.dataset.LocalDatasetFolder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The progress line and the counting source behind it. */
class ReadProgressTest {
    private static final long MB = 1024 * 1024;

    @Test
    void lineShowsFilesMegabytesRateAndEta() {
        // 50 of 100 MB and 200000 rows in 10 s: 5 MB/s, 20000 rows/s, 50 MB left: 10 s
        assertEquals("reading: files 3/10, rows 200000 (20000 rows/s), 50.0/100.0 MB, 5.0 MB/s, ETA 10 s",
                ReadProgress.line(3, 10, 200_000, 50 * MB, 100 * MB, 10_000_000_000L));
        assertEquals("reading: files 0/4, rows 0 (0 rows/s), 0.0/8.0 MB, 0.0 MB/s, ETA -",
                ReadProgress.line(0, 4, 0, 0, 8 * MB, 1_000_000_000L));
    }

    @Test
    void blockCounterCountsTheRecordsOfAFileFedInAnySlices() throws IOException {
        Path root = SampleMonth.DATASETS.resolve("Aura_Audit");
        List<Path> parts;
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            parts = walk.filter(p -> p.toString().endsWith(".avro")).sorted().toList();
        }
        long whole = 0;
        long sliced = 0;
        for (Path part : parts) {
            byte[] bytes = Files.readAllBytes(part);
            AvroBlockCounter one = new AvroBlockCounter();
            one.accept(bytes, 0, bytes.length);
            whole += one.records();
            AvroBlockCounter bytewise = new AvroBlockCounter();
            for (int i = 0; i < bytes.length; i += 7) {
                bytewise.accept(bytes, i, Math.min(7, bytes.length - i));
            }
            sliced += bytewise.records();
        }
        assertEquals(SampleMonth.ROWS, whole);
        assertEquals(SampleMonth.ROWS, sliced);
        AvroBlockCounter garbage = new AvroBlockCounter();
        garbage.accept(new byte[] {1, 2, 3, 4, (byte) 0xff, (byte) 0xff, (byte) 0xff}, 0, 7);
        assertTrue(garbage.records() >= 0);
    }

    @Test
    void countsEveryByteAndRowAndPassesThemUnchanged() throws IOException {
        Path root = SampleMonth.DATASETS;
        StringWriter err = new StringWriter();
        long total = 0;
        try (ReadProgress progress = ReadProgress.watch(LocalDatasetFolder.of(root), root, new PrintWriter(err), false)) {
            List<DatasetSource.DatasetFile> files = progress.files("Aura_Audit");
            for (DatasetSource.DatasetFile file : files) {
                Path path = root.resolve("Aura_Audit").resolve(file.relativePath());
                try (InputStream in = file.open()) {
                    assertArrayEquals(Files.readAllBytes(path), in.readAllBytes(), file.relativePath());
                }
                total += Files.size(path);
            }
            String line = progress.line(System.nanoTime());
            String mb = String.format(java.util.Locale.ROOT, "%.1f", total / (double) MB);
            // the generator wrote exactly SampleMonth.ROWS Aura_Audit rows
            assertTrue(line.startsWith("reading: files " + files.size() + "/" + files.size() + ", rows "
                    + SampleMonth.ROWS + " ("), line);
            assertTrue(line.contains(" rows/s), " + mb + "/" + mb + " MB, "), line);
        }
        // not shown unless asked (no terminal)
        assertEquals("", err.toString());
    }
}
