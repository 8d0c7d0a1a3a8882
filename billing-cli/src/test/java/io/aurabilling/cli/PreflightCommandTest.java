package io.aurabilling.cli;

import io.aurabilling.kernel.KernelScopes;
import io.aurabilling.testkit.KernelSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    private Path kernelConfig(KernelSimulator simulator) throws IOException {
        Path yaml = work.resolve("billing.yaml");
        Files.writeString(yaml, Files.readString(SampleMonth.CONFIG) + "kernel:\n  environment: es-pro\n"
                + "  auth-url: " + simulator.authUrl() + "\n  api-url: " + simulator.apiUrl() + "\n"
                + "  client-id: aura-billing-sim\n  client-secret: simulator-secret\n");
        return yaml;
    }

    @Test
    void kernelWithEveryScopeGrantedPasses() throws IOException {
        try (KernelSimulator simulator = KernelSimulator.builder().datasets(SampleMonth.DATASETS, 6).start()) {
            Cli.Result r = Cli.run("preflight", "--config", kernelConfig(simulator).toString(), "--store",
                    work.resolve("store").toString());
            assertEquals(0, r.code(), r::toString);
            assertEquals("ok kernel: Kernel application aura-billing-es-pro: all 13 needed scopes are granted",
                    r.outLines().get(1));
            assertEquals("", r.err());
        }
    }

    @Test
    void missingScopesAreListedWithWhatToAskForAndExitTwo() throws IOException {
        List<String> granted = new ArrayList<>(KernelScopes.billingRead());
        granted.remove("data:D_Gbl_Brand:read");
        granted.set(granted.indexOf("data:Aura_Audit:read"), "data:Aura_Audit:6:read"); // versioned covers it
        try (KernelSimulator simulator = KernelSimulator.builder().assignScopes(granted)
                .datasets(SampleMonth.DATASETS, 6).start()) {
            Cli.Result r = Cli.run("preflight", "--config", kernelConfig(simulator).toString(), "--store",
                    work.resolve("store").toString());
            assertEquals(2, r.code(), r::toString);
            assertTrue(r.out().contains("MISSING kernel: Kernel application aura-billing-es-pro: 1 of 13 needed scopes "
                    + "are missing"), r::toString);
            assertTrue(r.out().contains("ask the Kernel Team to assign scope data:D_Gbl_Brand:read to the purpose of "
                    + "application aura-billing-es-pro"), r::toString);
            assertFalse(r.out().contains("data:Aura_Audit:read to"), r::toString);
            assertEquals(1, r.errLines().size(), r::toString);
            assertTrue(r.out().contains("ok store"), "the store is still checked: " + r);
        }
    }

    @Test
    void theBotApplicationNeedsTheWriteScopesToo() throws IOException {
        try (KernelSimulator simulator = KernelSimulator.builder().datasets(SampleMonth.DATASETS, 6).start()) {
            Cli.Result r = Cli.run("preflight", "--config", kernelConfig(simulator).toString(), "--bot", "--store",
                    work.resolve("store").toString());
            assertEquals(2, r.code(), r::toString);
            assertTrue(r.out().contains("MISSING kernel: Kernel application aura-bot-es-pro: 11 of 24 needed scopes"),
                    r::toString);
            assertTrue(r.out().contains("ask the Kernel Team to assign scope data:Aura_Audit:write to the purpose of "
                    + "application aura-bot-es-pro"), r::toString);
            // one token, one application: the billing application is not reported with the bot's credentials
            assertFalse(r.out().contains("aura-billing-es-pro"), r::toString);
            assertEquals(1, r.errLines().size(), r::toString);
        }
    }

    @Test
    void refusedCredentialsSayWhatToCheckAndExitTwo() throws IOException {
        try (KernelSimulator simulator = KernelSimulator.builder().datasets(SampleMonth.DATASETS, 6).start()) {
            Path yaml = kernelConfig(simulator);
            Files.writeString(yaml, Files.readString(yaml).replace("client-secret: simulator-secret",
                    "client-secret: not-the-secret"));
            Cli.Result r = Cli.run("preflight", "--config", yaml.toString(), "--store", work.resolve("store").toString());
            assertEquals(2, r.code(), r::toString);
            assertTrue(r.out().contains("REFUSED kernel: Kernel application aura-billing-es-pro: Kernel refused the "
                    + "credentials"), r::toString);
            assertEquals(1, r.errLines().size(), r::toString);
            assertTrue(r.err().contains("check kernel.client-id, kernel.client-secret and kernel.purpose"), r.err());
            assertFalse(r.err().contains("scopes listed above"), r.err());
            assertFalse(r.toString().contains("not-the-secret"), "the secret is never shown");
            // the same refusal when billing: a configuration error too
            Cli.Result run = Cli.run("run", "--config", yaml.toString(), "--period", "2026-10", "--kernel", "--dry-run");
            assertEquals(2, run.code(), run::toString);
            assertEquals(1, run.errLines().size(), run::toString);
            assertTrue(run.err().contains("Kernel refused the credentials"), run.err());
        }
    }
}
