package io.aurabilling.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code billing generate}, and billing what it wrote. */
class GenerateCommandTest {
    @TempDir
    Path work;

    @Test
    void writesTheLocalLayoutThatRunReads() throws IOException {
        Path out = work.resolve("data");
        Cli.Result r = Cli.run("generate", "--out", out.toString(), "--period", "2026-11", "--rows", "1500",
                "--seed", "42", "--obs", "BRA,ESP");
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err());
        assertTrue(r.outLines().get(0).startsWith("wrote 1500 Aura_Audit rows in "), r::toString);
        assertTrue(r.outLines().get(1).startsWith("  BRA rows="), r::toString);
        assertTrue(r.outLines().get(2).startsWith("  ESP rows="), r::toString);
        try (Stream<Path> walk = Files.walk(out.resolve("Aura_Audit"))) {
            List<Path> parts = walk.filter(p -> p.toString().endsWith(".avro")).toList();
            assertFalse(parts.isEmpty());
            assertTrue(parts.stream().allMatch(p -> p.getParent().getFileName().toString().startsWith("DAY_DT=2026-1")),
                    parts::toString);
        }
        assertTrue(Files.isDirectory(out.resolve("D_Aura_Component")));

        // the generated rows are exactly what a run reads
        Cli.Result run = Cli.run("run", "--config", SampleMonth.CONFIG.toString(), "--period", "2026-11", "--datasets",
                out.toString(), "--ob", "BRA", "--ob", "ESP", "--dry-run");
        assertEquals(0, run.code(), run::toString);
        assertTrue(run.lastOutLine().startsWith("rows read=1500 "), run.lastOutLine());
    }

    @Test
    void sameSeedSameBytes() throws IOException {
        Cli.Result a = Cli.run("generate", "--out", work.resolve("a").toString(), "--period", "2026-10", "--rows", "300",
                "--obs", "DEU");
        Cli.Result b = Cli.run("generate", "--out", work.resolve("b").toString(), "--period", "2026-10", "--rows", "300",
                "--obs", "DEU");
        assertEquals(0, a.code());
        assertEquals(0, b.code());
        Path partA = firstPart(work.resolve("a"));
        Path partB = firstPart(work.resolve("b"));
        assertEquals(work.resolve("a").relativize(partA), work.resolve("b").relativize(partB));
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(partA), Files.readAllBytes(partB)));
    }

    @Test
    void aBadObCodeIsAUsageError() {
        Cli.Result r = Cli.run("generate", "--out", work.resolve("x").toString(), "--period", "2026-10", "--rows", "10",
                "--obs", "BRA,es");
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains("'es'"), r.err());
    }

    @Test
    void negativeRowsIsAUsageError() {
        Cli.Result r = Cli.run("generate", "--out", work.resolve("x").toString(), "--period", "2026-10", "--rows", "-5");
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains("-5"), r.err());
    }

    private static Path firstPart(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root.resolve("Aura_Audit"))) {
            return walk.filter(p -> p.toString().endsWith(".avro")).sorted().findFirst().orElseThrow();
        }
    }
}
