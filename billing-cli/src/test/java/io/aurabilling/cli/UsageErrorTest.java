package io.aurabilling.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad command lines: exit 2, nothing on stdout, one line on stderr naming the problem. */
class UsageErrorTest {

    private static Cli.Result usageError(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(2, r.code(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        return r;
    }

    @Test
    void unknownOption() {
        Cli.Result r = usageError("run", "--config", "billing.yaml", "--period", "2026-10", "--colour", "red");
        assertTrue(r.err().startsWith("billing run: "), r.err());
        assertTrue(r.err().contains("--colour"), r.err());
        assertTrue(r.err().contains("'billing run --help'"), r.err());
    }

    @Test
    void missingPeriod() {
        Cli.Result r = usageError("run", "--config", "billing.yaml");
        assertTrue(r.err().contains("--period"), r.err());
    }

    @Test
    void monthThirteen() {
        Cli.Result r = usageError("run", "--config", "billing.yaml", "--period", "2026-13");
        assertTrue(r.err().contains("'2026-13' is not a month"), r.err());
    }

    @Test
    void yearsTheReadersDoNotSupport() {
        for (String period : new String[] {"0000-02", "1699-12", "2201-01"}) {
            Cli.Result r = usageError("run", "--config", "billing.yaml", "--period", period, "--dry-run");
            assertTrue(r.err().contains("'" + period + "' is outside the supported years 1700-2200"), r.err());
        }
        Cli.Result r = usageError("generate", "--out", "x", "--period", "0000-02", "--rows", "1");
        assertTrue(r.err().contains("outside the supported years"), r.err());
    }

    @Test
    void periodWithoutZeroPadding() {
        Cli.Result r = usageError("generate", "--out", "x", "--period", "2026-1", "--rows", "1");
        assertTrue(r.err().contains("'2026-1' is not a month"), r.err());
    }

    @Test
    void reviseWithoutReason() {
        Cli.Result r = usageError("run", "--config", "billing.yaml", "--period", "2026-10", "--revise");
        assertTrue(r.err().contains("--reason"), r.err());
    }

    @Test
    void reasonWithoutRevise() {
        Cli.Result r = usageError("run", "--config", "billing.yaml", "--period", "2026-10", "--reason", "why");
        assertTrue(r.err().contains("--revise"), r.err());
    }

    @Test
    void datasetsAndKernelTogether() {
        Cli.Result r = usageError("run", "--config", "billing.yaml", "--period", "2026-10", "--datasets", "d", "--kernel");
        assertTrue(r.err().contains("--datasets and --kernel"), r.err());
    }

    @Test
    void storeAndAzureTogether() {
        Cli.Result r = usageError("invoices", "list", "--store", "s", "--azure-container",
                "https://acct.blob.core.windows.net/invoices");
        assertTrue(r.err().contains("--store and --azure-container"), r.err());
    }

    @Test
    void aSasTokenOnTheCommandLineIsRefusedAndNotEchoed() {
        Cli.Result r = usageError("invoices", "list", "--azure-container",
                "https://acct.blob.core.windows.net/invoices?sv=2024&sig=SECRETSIG");
        assertTrue(r.err().contains("never accepted on the command line"), r.err());
        assertTrue(!r.err().contains("SECRETSIG"), r.err());
    }

    @Test
    void noCommand() {
        Cli.Result r = usageError();
        assertTrue(r.err().contains("a command is needed"), r.err());
    }

    @Test
    void missingConfigFile() {
        Cli.Result r = usageError("preflight", "--config", "no/such/billing.yaml");
        assertTrue(r.err().contains("configuration file not found"), r.err());
    }

    @Test
    void helpEverywhereExitsZero() {
        for (String[] args : new String[][] {{"--help"}, {"demo", "--help"}, {"run", "--help"},
                {"invoices", "--help"}, {"invoices", "list", "--help"}, {"invoices", "get", "--help"},
                {"preflight", "--help"}, {"generate", "--help"}}) {
            Cli.Result r = Cli.run(args);
            assertEquals(0, r.code(), r::toString);
            assertTrue(r.out().startsWith("Usage: billing"), r::toString);
        }
        Cli.Result version = Cli.run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("billing "), version.out());
    }

    @Test
    void verbosePrintsTheStackTraceAfterTheLine() {
        Cli.Result r = Cli.run("preflight", "--verbose", "--config", "no/such/billing.yaml");
        assertEquals(2, r.code());
        assertTrue(r.errLines().size() > 1, r::toString);
        assertTrue(r.errLines().get(0).startsWith("billing preflight: "), r::toString);
        assertTrue(r.err().contains("ConfigurationException"), r::toString);
    }
}
