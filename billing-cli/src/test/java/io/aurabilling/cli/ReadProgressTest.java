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
        // 50 of 100 MB in 10 s: 5 MB/s, 50 MB left: 10 s
        assertEquals("reading: files 3/10, 50.0/100.0 MB, 5.0 MB/s, ETA 10 s",
                ReadProgress.line(3, 10, 50 * MB, 100 * MB, 10_000_000_000L));
        assertEquals("reading: files 0/4, 0.0/8.0 MB, 0.0 MB/s, ETA -", ReadProgress.line(0, 4, 0, 8 * MB, 1_000_000_000L));
    }

    @Test
    void countsEveryByteAndPassesThemUnchanged() throws IOException {
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
            assertTrue(line.startsWith("reading: files " + files.size() + "/" + files.size() + ", " + mb + "/" + mb
                    + " MB, "), line);
        }
        // not shown unless asked (no terminal)
        assertEquals("", err.toString());
    }
}
