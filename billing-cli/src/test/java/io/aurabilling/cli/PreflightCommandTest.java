package io.aurabilling.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code billing preflight}. */
class PreflightCommandTest {
    @TempDir
    Path work;

    @Test
    void aGoodConfigurationPassesEveryCheck() {
        Cli.Result r = Cli.run("preflight", "--config", SampleMonth.CONFIG.toString(), "--store",
                work.resolve("store").toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals(3, r.outLines().size(), r::toString);
        assertEquals("ok config " + SampleMonth.CONFIG + ": 7 OBs (ARG, BRA, COL, DEU, ESP, GBR, PER), models "
                + "cost-sharing, flat-fee, graduated, package, per-query, volume, writers json, xlsx", r.outLines().get(0));
        assertTrue(r.outLines().get(1).startsWith("ok kernel: not configured"), r::toString);
        assertEquals("ok store " + work.resolve("store").toAbsolutePath() + ": reachable, 0 stored revisions",
                r.outLines().get(2));
        assertEquals("", r.err());
    }

    @Test
    void aBadConfigurationNamesFileLineAndColumn() throws IOException {
        Path yaml = work.resolve("billing.yaml");
        Files.writeString(yaml, "issuer:\n  name: Aura\nobs:\n  BRA:\n    name: Brasil\n    colour: green\n");
        Cli.Result r = Cli.run("preflight", "--config", yaml.toString());
        assertEquals(2, r.code(), r::toString);
        assertEquals("", r.out());
        assertEquals(1, r.errLines().size(), r::toString);
        // 'colour' is written at line 6, column 5
        assertTrue(r.err().startsWith("billing preflight: billing.yaml:6:5: "), r.err());
        assertTrue(r.err().contains("colour"), r.err());
    }

    @Test
    void anUnknownPricingModelIsAConfigurationError() throws IOException {
        Path yaml = work.resolve("billing.yaml");
        Files.writeString(yaml, "obs:\n  BRA:\n    name: Brasil\n    pricing:\n      - from: 2026-01\n"
                + "        model: no-such-model\n");
        Cli.Result r = Cli.run("preflight", "--config", yaml.toString());
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains("no-such-model"), r.err());
    }

    @Test
    void kernelChecksAreNotAvailableYet() throws IOException {
        Path yaml = work.resolve("billing.yaml");
        Files.writeString(yaml, Files.readString(SampleMonth.CONFIG) + "kernel:\n  environment: es-pro\n"
                + "  client-id: aura-billing\n  client-secret: plain-for-test\n");
        Cli.Result r = Cli.run("preflight", "--config", yaml.toString());
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains("not available yet"), r.err());
        assertTrue(r.outLines().get(0).startsWith("ok config"), r::toString);
    }
}
