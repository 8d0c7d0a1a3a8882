package io.aurabilling.spark;

import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.config.yaml.BillingConfigLoader;
import io.aurabilling.dataset.DatasetBilling;
import io.aurabilling.dataset.LocalDatasetFolder;
import io.aurabilling.dataset.ReadOptions;
import io.aurabilling.dataset.synthetic.AuraMonthGenerator;
import io.aurabilling.dataset.synthetic.GeneratorOptions;
import io.aurabilling.dataset.synthetic.SampleConfig;
import io.aurabilling.engine.BillingEngine;
import io.aurabilling.engine.BillingRun;
import io.aurabilling.invoice.Invoice;
import io.aurabilling.invoice.json.JsonInvoiceWriter;
import io.aurabilling.invoice.xlsx.XlsxInvoiceWriter;
import io.aurabilling.usage.Exclusion;
import io.aurabilling.usage.RowAccounting;
import io.aurabilling.usage.UsageAggregate;
import io.aurabilling.usage.UsageCell;
import io.aurabilling.usage.UsageKey;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark path and the embedded path on the same files: same cells, buckets, requests and lineage,
 * byte-identical invoice JSON and XLSX.
 */
class SparkEmbeddedEqualityTest {
    private static final YearMonth MONTH = YearMonth.of(2026, 10);

    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static BillingEngine engine;
    private static BillingRun embedded;
    private static SparkBilling.Result onSpark;
    private static Path datasets;
    private static BillingConfig config;

    @BeforeAll
    static void billBothWays() {
        spark = LocalSpark.start("SparkEmbeddedEqualityTest");
        datasets = dir.resolve("datasets");
        // several small files per day, so that "earlier" spans files and Spark splits
        AuraMonthGenerator.generate(GeneratorOptions.of(datasets, MONTH, 50_000).withRowsPerFile(900).withThreads(2));
        AnomalyFiles.writeAll(datasets);
        String yaml = SampleConfig.yaml(GeneratorOptions.DEFAULT_OBS)
                .replace("timestamps-without-offset: UTC", "timestamps-without-offset: Europe/Madrid");
        config = BillingConfigLoader.parse(yaml, "billing.yaml", name -> null);
        engine = BillingEngine.builder().config(config).libraryVersion("0.1.0-test").build();
        embedded = DatasetBilling.bill(engine, LocalDatasetFolder.of(datasets), MONTH, List.of(),
                ReadOptions.defaults()).run();
        onSpark = SparkBilling.bill(spark, engine, SparkSources.folder(datasets.toUri().toString()), MONTH, List.of(),
                SparkReadOptions.defaults());
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void same_dimensions_including_the_others_present() {
        io.aurabilling.usage.Dimensions e = io.aurabilling.dataset.AuraDatasets.read(LocalDatasetFolder.of(datasets), MONTH,
                config::zoneOf, config.defaults().timestampsWithoutOffset(), ReadOptions.defaults()).dimensions();
        io.aurabilling.usage.Dimensions s = SparkUsageReader.read(spark, SparkSources.folder(datasets.toUri().toString()),
                MONTH, config, SparkReadOptions.defaults()).dimensions();
        assertEquals(e, s);
        assertEquals(java.util.Map.of("s1", "Billing help", "s2", "Roaming"), s.other("D_Aura_Skill").names());
        assertEquals(java.util.Map.of("mv", "Movistar", "o2", "O2"), s.other("D_Gbl_Brand").names());
        assertEquals(List.of("D_Aura_Skill", "D_Gbl_Brand"), List.copyOf(s.others().keySet()));
        assertTrue(embedded.usage().inputs().stream().anyMatch(f -> f.file().equals("D_Gbl_Brand/part-0.avro")));
    }

    @Test
    void same_cells_buckets_requests_and_lineage() {
        UsageAggregate e = embedded.usage();
        UsageAggregate s = onSpark.run().usage();
        assertEquals(e.cellMap(), s.cellMap());
        assertEquals(e.rowsByCountry(), s.rowsByCountry());
        assertEquals(e.requestsByCountry(), s.requestsByCountry());
        assertEquals(e.inputs(), s.inputs());
        assertEquals(embedded.rows(), onSpark.run().rows());
        assertEquals(1, onSpark.filesPruned());
        assertTrue(e.inputs().size() > 60, "many files: " + e.inputs().size());
    }

    @Test
    void the_anomalies_land_in_the_buckets_the_rules_say() {
        UsageAggregate s = onSpark.run().usage();
        UsageKey early = new UsageKey("ESP", LocalDate.of(2026, 10, 15), "aura-groot", "app-early", "web", "message", null);
        UsageKey late = new UsageKey("ESP", LocalDate.of(2026, 10, 15), "aura-groot", "app-late", "web", "message", null);
        assertEquals(2L, s.cellMap().get(early), "dup-across-files and two-countries, both from a-early.avro");
        assertFalse(s.cellMap().containsKey(late), "the later copy is a duplicate");
        UsageKey edgeBra = new UsageKey("BRA", LocalDate.of(2026, 10, 31), "aura-groot", "app-edge", "web", "message", null);
        assertEquals(1L, s.cellMap().get(edgeBra));
        UsageKey edgeEsp = new UsageKey("ESP", LocalDate.of(2026, 10, 1), "aura-groot", "app-edge", "web", "message", null);
        assertEquals(1L, s.cellMap().get(edgeEsp), "1 Oct 00:30 in Madrid; 30 Sep 23:30 and 1 Nov 02:00 are out");
        // blank countries: "\u2003" and "" (missing keys with a country are counted under it)
        assertEquals(2, s.rows("").missingKey());
        assertEquals(1, s.rows("XXX").billed());
        assertEquals(1, s.rows("bra").billed());
        RowAccounting col = s.rows("COL");
        assertTrue(col.badTimestamp() >= 9, "nine bad shapes at least: " + col.badTimestamp());
        assertEquals(1, s.rows("XXX").billed() + s.rows("XXX").duplicate());
        assertEquals(1L, s.requests("XXX"));
        assertTrue(s.rows("DEU").excluded(Exclusion.DUPLICATE) >= 2);
    }

    @Test
    void byte_identical_invoices() throws Exception {
        JsonInvoiceWriter json = new JsonInvoiceWriter();
        XlsxInvoiceWriter xlsx = new XlsxInvoiceWriter();
        assertEquals(embedded.invoices().size(), onSpark.run().invoices().size());
        assertEquals(7, embedded.invoices().size());
        for (Invoice invoice : embedded.invoices()) {
            String ob = invoice.ob().country();
            Invoice other = onSpark.run().invoice(ob);
            assertEquals(json.toJson(invoice), json.toJson(other), ob);
            List<UsageCell> cells = embedded.usage().cells().stream().filter(c -> c.country().equals(ob)).toList();
            List<UsageCell> sparkCells = onSpark.run().usage().cells().stream().filter(c -> c.country().equals(ob)).toList();
            assertArrayEquals(xlsx.render(invoice, cells), xlsx.render(other, sparkCells), ob);
        }
    }
}
