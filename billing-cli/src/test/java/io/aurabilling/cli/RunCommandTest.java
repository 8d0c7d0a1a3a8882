package io.aurabilling.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aurabilling.dataset.synthetic.GenerationSummary;
import io.aurabilling.testkit.KernelSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code billing run} in-process on a small generated month. */
class RunCommandTest {
    static final long ROWS = SampleMonth.ROWS;
    static final Pattern LINE = Pattern.compile("([A-Z]{3}) (LIC-\\1-202610) r([0-9]+) queries=([0-9]+) "
            + "requests=([0-9]+) total=([0-9]+\\.[0-9]{2}) (EUR|GBP) (stored|unchanged) (.+)");
    static final Pattern ROWS_LINE = Pattern.compile("rows read=([0-9]+) billed=([0-9]+) MISSING_KEY=([0-9]+) "
            + "BAD_TIMESTAMP=([0-9]+) OUT_OF_PERIOD=([0-9]+) DUPLICATE=([0-9]+) OTHER_OB=([0-9]+)");

    static final Path datasets = SampleMonth.DATASETS;
    static final Path otherDatasets = SampleMonth.OTHER_DATASETS;
    static final Path config = SampleMonth.CONFIG;
    static final GenerationSummary generated = SampleMonth.GENERATED;

    @TempDir
    Path work;

    static Cli.Result run(Path store, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--config", config.toString(), "--period", "2026-10",
                "--datasets", datasets.toString(), "--store", store.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    /** The invoice lines by OB, checked against the pattern. */
    static Map<String, Matcher> invoiceLines(Cli.Result r) {
        Map<String, Matcher> byOb = new LinkedHashMap<>();
        List<String> lines = r.outLines();
        for (String line : lines.subList(0, lines.size() - 1)) {
            Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), "unexpected line: " + line);
            byOb.put(m.group(1), m);
        }
        return byOb;
    }

    @Test
    void runStoresRevisionOneOfEveryObAndEndsWithTheRowAccounting() throws IOException {
        Path store = work.resolve("store");
        Cli.Result r = run(store);
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err());
        Map<String, Matcher> lines = invoiceLines(r);
        assertEquals(List.of("ARG", "BRA", "COL", "DEU", "ESP", "GBR", "PER"), new ArrayList<>(lines.keySet()));
        ObjectMapper json = new ObjectMapper();
        for (Map.Entry<String, Matcher> e : lines.entrySet()) {
            String ob = e.getKey();
            Matcher m = e.getValue();
            assertEquals("1", m.group(3));
            // the generator's own tally of billable rows and distinct interactions
            assertEquals(generated.billableRowsByOb().get(ob), Long.parseLong(m.group(4)), ob);
            assertEquals(generated.billableRequestsByOb().get(ob), Long.parseLong(m.group(5)), ob);
            assertEquals(ob.equals("GBR") ? "GBP" : "EUR", m.group(7));
            assertEquals("stored", m.group(8));
            String name = "ob=" + ob + "/period=2026-10/LIC-" + ob + "-202610-r1";
            assertEquals(store + "/" + name + ".json", m.group(9));
            assertTrue(Files.isRegularFile(store.resolve(name + ".json")));
            assertTrue(Files.isRegularFile(store.resolve(name + ".xlsx")));
            JsonNode invoice = json.readTree(store.resolve(name + ".json").toFile());
            assertEquals(0, new BigDecimal(invoice.get("total").asText()).compareTo(new BigDecimal(m.group(6))), ob);
        }
        Matcher rows = ROWS_LINE.matcher(r.lastOutLine());
        assertTrue(rows.matches(), r.lastOutLine());
        long read = Long.parseLong(rows.group(1));
        long sum = 0;
        for (int g = 2; g <= 7; g++) {
            sum += Long.parseLong(rows.group(g));
        }
        assertEquals(ROWS, read);
        assertEquals(read, sum);
        assertEquals(generated.billableRows(), Long.parseLong(rows.group(2)));
        assertEquals(generated.duplicates(), Long.parseLong(rows.group(6)));
        assertEquals(generated.badTimestamps(), Long.parseLong(rows.group(4)));
        assertEquals(generated.outOfPeriod(), Long.parseLong(rows.group(5)));
        assertEquals("0", rows.group(7));
    }

    @Test
    void reRunReportsUnchangedAndWritesNothing() throws IOException {
        Path store = work.resolve("store");
        Cli.Result first = run(store);
        assertEquals(0, first.code(), first::toString);
        List<Path> before = files(store);
        Cli.Result again = run(store);
        assertEquals(0, again.code(), again::toString);
        invoiceLines(again).forEach((ob, m) -> {
            assertEquals("unchanged", m.group(8), ob);
            assertEquals("1", m.group(3), ob);
            assertEquals(invoiceLines(first).get(ob).group(6), m.group(6), ob);
        });
        assertEquals(first.lastOutLine(), again.lastOutLine());
        assertEquals(before, files(store));
    }

    @Test
    void differentDataIsAConflictShowingOldAndNewTotalsThenARevisionWithAReason() throws IOException {
        Path store = work.resolve("store");
        Cli.Result first = run(store);
        assertEquals(0, first.code(), first::toString);
        List<Path> before = files(store);

        Cli.Result conflict = Cli.run("run", "--config", config.toString(), "--period", "2026-10",
                "--datasets", otherDatasets.toString(), "--store", store.toString());
        assertEquals(5, conflict.code(), conflict::toString);
        assertEquals(1, conflict.errLines().size(), conflict::toString);
        String oldTotal = invoiceLines(first).get("ARG").group(6);
        String error = conflict.errLines().get(0);
        assertTrue(error.contains("total " + oldTotal + " EUR"), error);
        assertTrue(error.contains("--revise --reason"), error);
        assertFalse(error.contains("\tat "), error);
        assertEquals(before, files(store));

        Cli.Result revised = Cli.run("run", "--config", config.toString(), "--period", "2026-10",
                "--datasets", otherDatasets.toString(), "--store", store.toString(), "--revise", "--reason",
                "late usage files");
        assertEquals(0, revised.code(), revised::toString);
        Map<String, Matcher> lines = invoiceLines(revised);
        assertEquals(7, lines.size());
        String newTotal = lines.get("ARG").group(6);
        assertTrue(error.contains("(total " + newTotal + " EUR)"), error + " vs " + newTotal);
        for (Map.Entry<String, Matcher> e : lines.entrySet()) {
            assertEquals("2", e.getValue().group(3), e.getKey());
            assertEquals("stored", e.getValue().group(8));
            Path file = store.resolve("ob=" + e.getKey() + "/period=2026-10/LIC-" + e.getKey() + "-202610-r2.json");
            JsonNode invoice = new ObjectMapper().readTree(file.toFile());
            assertEquals("LIC-" + e.getKey() + "-202610-r1", invoice.get("supersedes").asText());
            assertEquals("late usage files", invoice.get("reason").asText());
        }
    }

    @Test
    void dryRunPricesAndRendersButStoresNothing() {
        Path store = work.resolve("store");
        Cli.Result dry = run(store, "--dry-run");
        assertEquals(0, dry.code(), dry::toString);
        assertFalse(Files.exists(store), "the dry run created the store");
        Cli.Result real = run(work.resolve("real"));
        Map<String, Matcher> realLines = invoiceLines(real);
        List<String> lines = dry.outLines();
        assertEquals(8, lines.size(), dry::toString);
        for (String line : lines.subList(0, 7)) {
            String ob = line.substring(0, 3);
            Matcher m = realLines.get(ob);
            String expected = ob + " LIC-" + ob + "-202610 queries=" + m.group(4) + " requests=" + m.group(5)
                    + " total=" + m.group(6) + " " + m.group(7) + " dry-run, not stored (rendered ";
            assertTrue(line.startsWith(expected), line + " does not start with " + expected);
            assertTrue(line.matches(".*json [0-9]+ bytes.*xlsx [0-9]+ bytes\\)"), line);
        }
        assertEquals(real.lastOutLine(), dry.lastOutLine());
    }

    @Test
    void selectedObsOnlyAndTheOthersCountAsOtherOb() {
        Cli.Result r = run(work.resolve("store"), "--ob", "BRA", "--ob", "ESP");
        assertEquals(0, r.code(), r::toString);
        assertEquals(List.of("BRA", "ESP"), new ArrayList<>(invoiceLines(r).keySet()));
        Matcher rows = ROWS_LINE.matcher(r.lastOutLine());
        assertTrue(rows.matches(), r.lastOutLine());
        long others = generated.rowsByOb().entrySet().stream().filter(e -> !List.of("BRA", "ESP").contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        // rows of other OBs are OTHER_OB whatever bucket they would fall in, so at most their count
        long otherOb = Long.parseLong(rows.group(7));
        assertTrue(otherOb > 0 && otherOb <= others, otherOb + " vs " + others);
        assertEquals(generated.billableRowsByOb().get("BRA") + generated.billableRowsByOb().get("ESP"),
                Long.parseLong(rows.group(2)));
    }

    @Test
    void unpricedUsageExitsWithThree() throws IOException {
        Path yaml = work.resolve("billing.yaml");
        Files.writeString(yaml, "obs:\n  BRA:\n    name: Brasil\n    timezone: America/Sao_Paulo\n    pricing:\n"
                + "      - from: 2026-01\n        model: per-query\n        rates:\n"
                + "          - { component: aura-groot, price: 0.0010 }\n");
        Path store = work.resolve("store");
        Cli.Result r = Cli.run("run", "--config", yaml.toString(), "--period", "2026-10", "--datasets",
                datasets.toString(), "--store", store.toString());
        assertEquals(3, r.code(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains("without an applicable price"), r.err());
        assertTrue(r.err().contains("BRA aura-nlp"), r.err());
        assertEquals("", r.out());
        assertFalse(Files.exists(store));
    }

    @Test
    void missingDatasetsFolderExitsWithThree() {
        Cli.Result r = Cli.run("run", "--config", config.toString(), "--period", "2026-10", "--datasets",
                work.resolve("nothing-here").toString(), "--store", work.resolve("store").toString());
        assertEquals(3, r.code(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains("Aura_Audit"), r.err());
    }

    @Test
    void aMonthWithoutDataExitsWithThreeAndStoresNothing() throws IOException {
        // e.g. the month is not published yet: a stored (write-once) invoice of zero usage would stand in the way
        Path empty = Files.createDirectories(work.resolve("empty/Aura_Audit"));
        Path emptyStore = work.resolve("empty-store");
        Cli.Result r = Cli.run("run", "--config", config.toString(), "--period", "2026-10", "--datasets",
                empty.getParent().toString(), "--store", emptyStore.toString());
        assertEquals(3, r.code(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().contains("no Aura_Audit files for 2026-10"), r.err());
        assertFalse(Files.exists(emptyStore), "nothing stored");
        Cli.Result wrongPeriod = Cli.run("run", "--config", config.toString(), "--period", "2025-03", "--datasets",
                datasets.toString(), "--store", emptyStore.toString());
        assertEquals(3, wrongPeriod.code(), wrongPeriod::toString);
        assertTrue(wrongPeriod.err().contains("DAY_DT folders outside 2025-02-28 to 2025-04-01"), wrongPeriod.err());
    }

    private static List<String> withoutXlsxSizes(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll(", xlsx [0-9]+ bytes\\)$", ")")).toList();
    }

    @Test
    void kernelRunsGiveTheSameFiguresAsTheLocalFolder() throws IOException {
        try (KernelSimulator simulator = KernelSimulator.builder().datasets(SampleMonth.DATASETS, 6).start()) {
            Path yaml = work.resolve("kernel.yaml");
            Files.writeString(yaml, Files.readString(config) + "kernel:\n  environment: sim\n"
                    + "  auth-url: " + simulator.authUrl() + "\n  api-url: " + simulator.apiUrl() + "\n"
                    + "  client-id: aura-billing-sim\n  client-secret: simulator-secret\n"
                    + "  cache: " + work.resolve("cache") + "\n");
            Cli.Result viaKernel = Cli.run("run", "--config", yaml.toString(), "--period", "2026-10", "--kernel",
                    "--dry-run");
            Cli.Result local = Cli.run("run", "--config", config.toString(), "--period", "2026-10", "--datasets",
                    SampleMonth.DATASETS.toString(), "--dry-run");
            assertEquals(0, viaKernel.code(), viaKernel::toString);
            assertEquals(0, local.code(), local::toString);
            // the same JSON invoices, to the byte size: same queries, totals and row accounting, and the
            // same lineage (Kernel's dataset version 6 is what the files' x-fp-version 6.0.0 stands for)
            assertEquals(withoutXlsxSizes(local.outLines()), withoutXlsxSizes(viaKernel.outLines()));
            assertEquals(SampleMonth.GENERATED.rows() + 0L, Long.parseLong(
                    viaKernel.outLines().get(viaKernel.outLines().size() - 1).split(" ")[1].substring("read=".length())));
            assertFalse(simulator.requests(KernelSimulator.Endpoint.TOKEN).isEmpty());
        }
    }

    @Test
    void badConfigurationExitsWithTwoNamingFileLineAndColumn() throws IOException {
        Path yaml = work.resolve("billing.yaml");
        Files.writeString(yaml, "obs:\n  BRA:\n    name: Brasil\n    timezone: Mars/Olympus\n    pricing:\n"
                + "      - from: 2026-01\n        model: per-query\n        rates:\n"
                + "          - { component: \"*\", price: 0.0010 }\n");
        Cli.Result r = Cli.run("run", "--config", yaml.toString(), "--period", "2026-10", "--datasets",
                datasets.toString(), "--store", work.resolve("store").toString());
        assertEquals(2, r.code(), r::toString);
        assertEquals(1, r.errLines().size(), r::toString);
        assertTrue(r.err().matches("(?s).*billing\\.yaml:4:[0-9]+: .*Mars/Olympus.*"), r.err());
    }

    static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
