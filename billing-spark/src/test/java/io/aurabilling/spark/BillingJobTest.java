package io.aurabilling.spark;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JAR task's main: parameters, outputs and exit codes. */
class BillingJobTest {
    @TempDir
    static Path dir;
    private static SparkSession spark;

    @BeforeAll
    static void start() throws Exception {
        spark = LocalSpark.start("BillingJobTest");
        AnomalyFiles.writeAll(dir.resolve("datasets"));
        Files.writeString(dir.resolve("billing.yaml"), """
                obs:
                  BRA:
                    timezone: America/Sao_Paulo
                    pricing:
                      - { from: 2026-01, model: per-query, rates: [ { component: "*", price: 0.5 } ] }
                """);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void bills_from_a_folder_and_writes_json_and_xlsx() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = BillingJob.run(spark, new String[] {"--config", dir.resolve("billing.yaml").toString(),
                "--month", "2026-10", "--datasets", dir.resolve("datasets").toUri().toString(),
                "--out", dir.resolve("out").toString()}, new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertEquals(0, status, out.toString(StandardCharsets.UTF_8));
        String json = Files.readString(dir.resolve("out/LIC-BRA-202610.json"));
        assertTrue(json.contains("LIC-BRA-202610"), json);
        assertTrue(Files.size(dir.resolve("out/LIC-BRA-202610.xlsx")) > 1000);
        // 3 billed BRA rows at 0.5
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("LIC-BRA-202610 1.50 EUR"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void notebook_configuration_resolves_env_references_from_a_map() {
        io.aurabilling.config.yaml.BillingConfig config = SparkBilling.parseConfig("""
                issuer:
                  name: ${env:ISSUER_NAME}
                obs:
                  BRA:
                    pricing:
                      - { from: 2026-01, model: per-query, rates: [ { component: "*", price: 0.5 } ] }
                """, "billing.yaml", java.util.Map.of("ISSUER_NAME", "Aura Test Team"));
        assertEquals("Aura Test Team", config.issuer().name());
    }

    @Test
    void bad_parameters_exit_1_and_an_unconfigured_ob_exits_2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(1, BillingJob.run(spark, new String[] {"--month", "2026-10"}, System.out, e));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--config is required"));
        assertEquals(2, BillingJob.run(spark, new String[] {"--config", dir.resolve("billing.yaml").toString(),
                "--month", "2026-10", "--datasets", dir.resolve("datasets").toUri().toString(), "--ob", "XXX"}, System.out, e));
    }
}
