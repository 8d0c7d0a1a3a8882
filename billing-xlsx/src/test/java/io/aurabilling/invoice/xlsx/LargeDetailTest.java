package io.aurabilling.invoice.xlsx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A million-row Detail sheet written in a forked JVM limited to 128 MiB of heap. */
class LargeDetailTest {

    @Test
    void aMillionUsageCellsFitIn128MiBOfHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("large.xlsx");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+ExitOnOutOfMemoryError", "-Djava.io.tmpdir=" + dir,
                "-cp", classPath, DetailSheetBenchmark.class.getName(), "1000000", file.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), "timed out");
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains("cells=1000000"), output);

        // title, total and header rows, then one row per cell; counted without loading the sheet
        assertEquals(3 + 1_000_000, countRows(file, "xl/worksheets/sheet3.xml"));
    }

    private static long countRows(Path file, String entry) throws IOException {
        byte[] needle = "<row ".getBytes(StandardCharsets.US_ASCII);
        long rows = 0;
        try (ZipFile zip = new ZipFile(file.toFile());
             InputStream in = new BufferedInputStream(zip.getInputStream(zip.getEntry(entry)), 1 << 16)) {
            int matched = 0;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == needle[matched]) {
                    matched++;
                    if (matched == needle.length) {
                        rows++;
                        matched = 0;
                    }
                } else {
                    matched = b == needle[0] ? 1 : 0;
                }
            }
        }
        return rows;
    }
}
