package io.aurabilling.dataset;

import io.aurabilling.dataset.synthetic.AuraMonthGenerator;
import io.aurabilling.dataset.synthetic.GenerationSummary;
import io.aurabilling.dataset.synthetic.GeneratorOptions;
import io.aurabilling.usage.RowAccounting;
import io.aurabilling.usage.UsageAggregate;
import io.aurabilling.usage.UsageCell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast reader against the generator's own account of what it wrote: a 300k-row month
 * (several files per day, so duplicates cross files) read with 1, 2 and 4 threads gives exactly
 * the billable rows and requests per OB, duplicates, bad timestamps and out-of-period rows the
 * {@link GenerationSummary} reports, and the same aggregate whatever the thread count.
 */
class GeneratedMonthReadTest {
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Map<String, ZoneId> ZONES = Map.of(
            "BRA", ZoneId.of("America/Sao_Paulo"), "ESP", ZoneId.of("Europe/Madrid"), "DEU", ZoneId.of("Europe/Berlin"),
            "GBR", ZoneId.of("Europe/London"), "ARG", ZoneId.of("America/Argentina/Buenos_Aires"),
            "COL", ZoneId.of("America/Bogota"), "PER", ZoneId.of("America/Lima"));

    @TempDir
    static Path dir;
    private static GenerationSummary summary;

    @BeforeAll
    static void generate() throws IOException {
        summary = AuraMonthGenerator.generate(GeneratorOptions.of(dir, OCTOBER, 300_000)
                .withThreads(1).withRowsPerFile(4_000));
    }

    private static UsageAggregate read(int threads) {
        return AuraDatasets.read(LocalDatasetFolder.of(dir), OCTOBER, c -> ZONES.getOrDefault(c, ZoneOffset.UTC),
                ZoneOffset.UTC, ReadOptions.defaults().withThreads(threads)).usage();
    }

    @Test
    void theReaderFindsExactlyWhatTheGeneratorWrote() {
        UsageAggregate usage = read(2);
        RowAccounting total = usage.totalRows();
        assertEquals(300_000, total.read());
        assertEquals(summary.duplicates(), total.duplicate());
        assertEquals(summary.badTimestamps(), total.badTimestamp());
        assertEquals(summary.outOfPeriod(), total.outOfPeriod());
        assertEquals(0, total.missingKey());
        assertTrue(summary.duplicates() > 0 && summary.badTimestamps() > 0 && summary.outOfPeriod() > 0,
                "the month exercises every bucket: " + summary);
        Map<String, Long> billed = new TreeMap<>();
        usage.rowsByCountry().forEach((country, rows) -> billed.put(country, rows.billed()));
        assertEquals(summary.billableRowsByOb(), billed);
        assertEquals(summary.billableRequestsByOb(), usage.requestsByCountry());
        long cellQueries = usage.cells().stream().mapToLong(UsageCell::queries).sum();
        assertEquals(summary.billableRows(), cellQueries);
        assertEquals(summary.files().stream().filter(f -> f.relativePath().startsWith("Aura_Audit/")).count(),
                usage.inputs().stream().filter(f -> f.dataset().equals(AuraSchemas.AURA_AUDIT)).count());
    }

    @Test
    void oneTwoOrFourThreadsGiveTheSameAggregate() {
        UsageAggregate one = read(1);
        assertEquals(one, read(2));
        assertEquals(one, read(4));
        assertEquals(one.cellMap(), read(4).cellMap());
    }
}
