package io.aurabilling.spark;

import io.aurabilling.InputDataException;
import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.config.yaml.BillingConfigLoader;
import io.aurabilling.usage.UsageAggregate;
import io.aurabilling.usage.UsageKey;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tables, frames and paths give the same usage; the collect guard and missing data fail clearly. */
class SparkInputsTest {
    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final BillingConfig CONFIG = BillingConfigLoader.parse("""
            defaults:
              timestamps-without-offset: UTC
            obs:
              ESP:
                timezone: Europe/Madrid
                pricing:
                  - { from: 2026-01, model: per-query, rates: [ { component: "*", price: 0.001 } ] }
              BRA:
                timezone: America/Sao_Paulo
                pricing:
                  - { from: 2026-01, model: per-query, rates: [ { component: "*", price: 0.001 } ] }
            """, "billing.yaml", name -> null);

    @TempDir
    static Path dir;
    private static SparkSession spark;
    private static String auditPath;
    private static UsageAggregate fromPath;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("SparkInputsTest");
        AnomalyFiles.writeAll(dir);
        auditPath = dir.resolve("Aura_Audit").toUri().toString();
        fromPath = SparkUsageReader.read(spark, SparkSources.of(DatasetRef.path(auditPath)), MONTH, CONFIG,
                SparkReadOptions.defaults()).usage();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void the_path_read_counts_what_the_files_hold() {
        // 4 rows in a-early.avro and 26 in zz-late.avro; the DAY_DT=2026-08-01 file is pruned
        assertEquals(30, fromPath.totalRows().read());
        assertEquals(List.of("Aura_Audit/DAY_DT=2026-10-15/a-early.avro", "Aura_Audit/DAY_DT=2026-10-15/zz-late.avro"),
                fromPath.inputs().stream().map(f -> f.file()).toList());
        assertEquals(List.of(4L, 26L), fromPath.inputs().stream().map(f -> f.rows()).toList());
        assertEquals("6", fromPath.inputs().get(0).version());
        // ESP: dup-across-files, two-countries, U+00A0 (not white space) and edge-esp-3 are billed
        assertEquals(new io.aurabilling.usage.RowAccounting(4, 3, 0, 2, 1, 0), fromPath.rows("ESP"));
        assertEquals(4L, fromPath.requests("ESP"));
        // BRA: two-countries on aura-bridge, edge-bra, ai-1; two-countries on aura-groot copies the ESP row
        assertEquals(new io.aurabilling.usage.RowAccounting(3, 0, 0, 0, 1, 0), fromPath.rows("BRA"));
        assertEquals(3L, fromPath.requests("BRA"));
        assertEquals(9, fromPath.rows("COL").badTimestamp());
    }

    @Test
    void a_frame_of_a_file_read_is_the_same_as_the_path() {
        Dataset<Row> frame = spark.read().format("avro").load(auditPath + "/DAY_DT=2026-10-15");
        UsageAggregate fromFrame = SparkUsageReader.read(spark, SparkSources.of(DatasetRef.frame(frame)), MONTH, CONFIG,
                SparkReadOptions.defaults()).usage();
        assertEquals(fromPath.cellMap(), fromFrame.cellMap());
        assertEquals(fromPath.rowsByCountry(), fromFrame.rowsByCountry());
        assertEquals(fromPath.requestsByCountry(), fromFrame.requestsByCountry());
    }

    @Test
    void a_table_is_the_same_as_the_path() {
        spark.catalog().createTable("aura_audit_inputs_test", auditPath + "/DAY_DT=2026-10-15", "avro");
        UsageAggregate fromTable = SparkUsageReader.read(spark, SparkSources.of(DatasetRef.table("aura_audit_inputs_test")),
                MONTH, CONFIG, SparkReadOptions.defaults()).usage();
        assertEquals(fromPath.cellMap(), fromTable.cellMap());
        assertEquals(fromPath.rowsByCountry(), fromTable.rowsByCountry());
        assertEquals(fromPath.requestsByCountry(), fromTable.requestsByCountry());
        assertEquals(List.of("Aura_Audit/a-early.avro", "Aura_Audit/zz-late.avro"),
                fromTable.inputs().stream().map(f -> f.file()).toList(), "relative to the table's folder");
    }

    @Test
    void rows_without_files_are_earlier_in_the_frame_order() {
        StructType schema = new StructType()
                .add("INTERACTION_ID", DataTypes.StringType).add("AURA_TM", DataTypes.StringType)
                .add("COUNTRY_3_ALPHA_CD", DataTypes.StringType).add("AURA_COMPONENT_ID", DataTypes.StringType)
                .add("AURA_APP_ID", DataTypes.StringType);
        Dataset<Row> frame = spark.createDataFrame(List.of(
                RowFactory.create("i1", "2026-10-02T10:00:00Z", "ESP", "c1", "first"),
                RowFactory.create("i1", "2026-10-02T10:00:00Z", "ESP", "c1", "second"),
                RowFactory.create("i1", "2026-10-02T10:00:00Z", "ESP", "c2", "second"),
                RowFactory.create("i2", "2026-10-02 10:00:00", "ESP", "c1", null)), schema);
        UsageAggregate usage = SparkUsageReader.read(spark, SparkSources.of(DatasetRef.frame(frame)), MONTH, CONFIG,
                SparkReadOptions.defaults()).usage();
        LocalDate day = LocalDate.of(2026, 10, 2);
        assertEquals(1L, usage.cellMap().get(new UsageKey("ESP", day, "c1", "first", null, "other", null)));
        assertEquals(1L, usage.cellMap().get(new UsageKey("ESP", day, "c2", "second", null, "other", null)));
        assertEquals(1L, usage.cellMap().get(new UsageKey("ESP", day, "c1", null, null, "other", null)));
        assertEquals(1, usage.rows("ESP").duplicate());
        assertEquals(2L, usage.requests("ESP"));
        assertTrue(usage.inputs().isEmpty(), "no files behind an in-memory frame");
    }

    @Test
    void earlier_holds_when_spark_splits_a_file_into_many_tasks() {
        // one file of 6000 rows in small Avro blocks; copies of 40 keys: the first copy near the start
        // (app "first"), the second near the end (app "second"), in a different split
        List<AnomalyFiles.AuditRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 6000; i++) {
            String app = i < 40 ? "first" : i >= 5960 ? "second" : "filler";
            String iid = i < 40 ? "key-" + i : i >= 5960 ? "key-" + (i - 5960) : "filler-" + i;
            rows.add(AnomalyFiles.row(iid, "2026-10-03T12:00:00Z", "ESP", "aura-groot", app));
        }
        Path file = dir.resolve("split/Aura_Audit/DAY_DT=2026-10-03/part-0.avro");
        AnomalyFiles.write(file, rows);
        String previous = spark.conf().get("spark.sql.files.maxPartitionBytes");
        spark.conf().set("spark.sql.files.maxPartitionBytes", "8192");
        try {
            String path = dir.resolve("split/Aura_Audit").toUri().toString();
            long splits = spark.read().format("avro").load(path).select("_metadata.file_block_start").distinct().count();
            assertTrue(splits >= 4, "the file is read in several splits: " + splits);
            UsageAggregate usage = SparkUsageReader.read(spark, SparkSources.of(DatasetRef.path(path)), MONTH, CONFIG,
                    SparkReadOptions.defaults()).usage();
            LocalDate day = LocalDate.of(2026, 10, 3);
            assertEquals(40L, usage.cellMap().get(new UsageKey("ESP", day, "aura-groot", "first", "web", "message", null)));
            assertEquals(null, usage.cellMap().get(new UsageKey("ESP", day, "aura-groot", "second", "web", "message", null)));
            assertEquals(40, usage.rows("ESP").duplicate());
            assertEquals(5960L, usage.requests("ESP"));
        } finally {
            spark.conf().set("spark.sql.files.maxPartitionBytes", previous);
        }
    }

    @Test
    void more_groups_than_the_limit_fail_with_a_clear_message() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SparkUsageReader.read(spark,
                SparkSources.of(DatasetRef.path(auditPath)), MONTH, CONFIG, SparkReadOptions.defaults().withMaxCells(3)));
        assertTrue(e.getMessage().contains("more than 3 groups"), e.getMessage());
        assertTrue(e.getMessage().contains("maxCells"), e.getMessage());
    }

    @Test
    void a_missing_dataset_names_where_it_looked() {
        InputDataException e = assertThrows(InputDataException.class, () -> SparkUsageReader.read(spark,
                SparkSources.folder(dir.resolve("nowhere").toUri().toString()), MONTH, CONFIG, SparkReadOptions.defaults()));
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    }

    @Test
    void a_month_without_any_file_is_an_input_error_as_in_the_embedded_reader() {
        // the anomaly files are in October (and one pruned August file): March 2026 has none
        InputDataException e = assertThrows(InputDataException.class, () -> SparkUsageReader.read(spark,
                SparkSources.of(DatasetRef.path(auditPath)), java.time.YearMonth.of(2026, 3), CONFIG,
                SparkReadOptions.defaults()));
        assertTrue(e.getMessage().contains("no Aura_Audit files for the month"), e.getMessage());
        assertTrue(e.getMessage().contains("DAY_DT folders outside 2026-02-28 to 2026-04-01"), e.getMessage());
    }
}
