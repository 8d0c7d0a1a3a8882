package io.aurabilling.spark;

import io.aurabilling.config.ConfigNode;
import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.config.yaml.BillingConfigLoader;
import io.aurabilling.engine.BillingEngine;
import io.aurabilling.invoice.Invoice;
import io.aurabilling.pricing.ComponentCharge;
import io.aurabilling.pricing.PricingModel;
import io.aurabilling.pricing.PricingModelFactory;
import io.aurabilling.pricing.PricingResult;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pricing models on the driver: one defined in code as in a notebook cell and registered on the builder,
 * one discovered through the caller's thread context class loader (as a notebook-attached library is).
 */
class SparkPluginTest {
    private static final YearMonth MONTH = YearMonth.of(2026, 10);

    @TempDir
    static Path dir;
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = LocalSpark.start("SparkPluginTest");
        AnomalyFiles.writeAll(dir);
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static BillingConfig config(String model) {
        return BillingConfigLoader.parse("""
                obs:
                  BRA:
                    timezone: America/Sao_Paulo
                    pricing:
                      - { from: 2026-01, model: %s }
                """.formatted(model), "billing.yaml", name -> null);
    }

    @Test
    void a_model_defined_in_a_notebook_cell_is_registered_in_code_and_used() {
        // what a notebook cell would define: 0.25 per query of every component
        PricingModelFactory notebookModel = new PricingModelFactory() {
            @Override
            public String name() {
                return "notebook-quarter";
            }

            @Override
            public PricingModel create(ConfigNode config) {
                return context -> {
                    List<ComponentCharge> charges = new ArrayList<>();
                    context.componentQueries().forEach((component, queries) -> charges.add(
                            ComponentCharge.of(component, new BigDecimal("0.25").multiply(BigDecimal.valueOf(queries)))));
                    return PricingResult.of(charges);
                };
            }
        };
        BillingEngine engine = BillingEngine.builder().config(config("notebook-quarter")).pricingModel(notebookModel).build();
        Invoice bra = SparkBilling.bill(spark, engine, SparkSources.folder(dir.toUri().toString()), MONTH, List.of("BRA"),
                SparkReadOptions.defaults()).run().invoice("BRA");
        // BRA bills 3 rows (aura-bridge 1, aura-groot 1, aura-gpt 1): 3 x 0.25
        assertEquals(3, bra.totalQueries());
        assertEquals(new BigDecimal("0.75"), bra.total());
        assertEquals("notebook-quarter", bra.model());
    }

    @Test
    void a_model_on_the_thread_context_class_loader_is_discovered_in_the_callers_thread() throws Exception {
        Path services = dir.resolve("plugin/META-INF/services/io.aurabilling.pricing.PricingModelFactory");
        Files.createDirectories(services.getParent());
        Files.writeString(services, TcclModelFactory.class.getName() + "\n");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader notebook = new URLClassLoader(new URL[] {dir.resolve("plugin").toUri().toURL()}, previous)) {
            Thread.currentThread().setContextClassLoader(notebook);
            BillingEngine engine = BillingEngine.builder().config(config("tccl-seven")).build();
            Invoice bra = SparkBilling.bill(spark, engine, SparkSources.folder(dir.toUri().toString()), MONTH,
                    List.of("BRA"), SparkReadOptions.defaults()).run().invoice("BRA");
            // three components at 7.00 each
            assertEquals(new BigDecimal("21.00"), bra.total());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
