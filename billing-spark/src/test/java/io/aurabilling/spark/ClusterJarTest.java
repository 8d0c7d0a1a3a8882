package io.aurabilling.spark;

import io.aurabilling.config.yaml.BillingConfigLoader;
import io.aurabilling.dataset.DatasetBilling;
import io.aurabilling.dataset.synthetic.AuraMonthGenerator;
import io.aurabilling.dataset.synthetic.GeneratorOptions;
import io.aurabilling.dataset.synthetic.SampleConfig;
import io.aurabilling.engine.BillingEngine;
import io.aurabilling.engine.BillingRun;
import io.aurabilling.invoice.Invoice;
import io.aurabilling.invoice.json.JsonInvoiceWriter;
import io.aurabilling.invoice.xlsx.XlsxInvoiceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cluster jar (run by failsafe after {@code package}) in an isolated class loader whose other jars
 * are the older ones Databricks ships (Jackson 2.15, commons-io 2.13, Avro 1.11, log4j-api 2.20, slf4j),
 * placed first as a cluster's would be: it must bill a small month exactly as the build's own classes do.
 */
class ClusterJarTest {
    @TempDir
    Path dir;

    private static Path clusterJar() {
        String jar = System.getProperty("cluster.jar");
        assertNotNull(jar, "run through failsafe: cluster.jar is not set");
        return Path.of(jar);
    }

    @Test
    void relocates_the_clashing_libraries_and_keeps_spark_out() throws Exception {
        try (JarFile jar = new JarFile(clusterJar().toFile())) {
            List<String> names = jar.stream().map(e -> e.getName()).toList();
            assertTrue(names.contains("io/aurabilling/spark/SparkBilling.class"));
            assertTrue(names.contains("io/aurabilling/shaded/jackson/databind/ObjectMapper.class"));
            assertTrue(names.contains("io/aurabilling/shaded/avro/Schema.class"));
            assertTrue(names.contains("io/aurabilling/shaded/commons/io/IOUtils.class"));
            assertTrue(names.contains("io/aurabilling/shaded/commons/compress/archivers/zip/ZipFile.class"));
            assertTrue(names.contains("io/aurabilling/shaded/commons/collections4/ListUtils.class"));
            for (String prefix : List.of("com/fasterxml/jackson/", "org/apache/avro/", "org/apache/commons/io/",
                    "org/apache/commons/compress/", "org/apache/commons/collections4/", "org/apache/spark/", "scala/")) {
                assertFalse(names.stream().anyMatch(n -> n.startsWith(prefix)), prefix + " must not be in the jar");
            }
            String services = new String(jar.getInputStream(jar.getEntry(
                    "META-INF/services/io.aurabilling.invoice.InvoiceWriter")).readAllBytes());
            assertTrue(services.contains("io.aurabilling.invoice.xlsx.XlsxInvoiceWriter"), services);
        }
    }

    @Test
    void bills_a_small_month_next_to_the_jars_databricks_ships() throws Exception {
        Path datasets = dir.resolve("datasets");
        AuraMonthGenerator.generate(GeneratorOptions.of(datasets, YearMonth.of(2026, 10), 3_000).withRowsPerFile(500)
                .withThreads(1));
        Path configFile = dir.resolve("billing.yaml");
        SampleConfig.write(configFile, GeneratorOptions.DEFAULT_OBS);

        // the expected invoices, from the build's own classes
        BillingEngine engine = BillingEngine.builder().config(BillingConfigLoader.load(configFile))
                .libraryVersion("cluster-test").build();
        BillingRun expected = DatasetBilling.bill(engine, io.aurabilling.dataset.LocalDatasetFolder.of(datasets),
                YearMonth.of(2026, 10), List.of(), io.aurabilling.dataset.ReadOptions.defaults()).run();

        List<URL> urls = new ArrayList<>();
        try (Stream<Path> libs = Files.list(Path.of(System.getProperty("cluster.libs")))) {
            for (Path lib : libs.sorted().toList()) {
                urls.add(lib.toUri().toURL());
            }
        }
        assertTrue(urls.stream().anyMatch(u -> u.toString().contains("jackson-databind-2.15")), urls.toString());
        assertTrue(urls.stream().anyMatch(u -> u.toString().contains("avro-1.11")), urls.toString());
        urls.add(clusterJar().toUri().toURL());
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader cluster = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Thread.currentThread().setContextClassLoader(cluster);
            // the cluster's Jackson really is the old one, and ours is separate
            Class<?> theirs = cluster.loadClass("com.fasterxml.jackson.databind.ObjectMapper");
            assertTrue(theirs.getPackage().getImplementationVersion().startsWith("2.15"),
                    theirs.getPackage().getImplementationVersion());
            Class<?> loader = cluster.loadClass("io.aurabilling.config.yaml.BillingConfigLoader");
            Object config = loader.getMethod("load", Path.class).invoke(null, configFile);
            Class<?> configType = cluster.loadClass("io.aurabilling.config.yaml.BillingConfig");
            Object builder = cluster.loadClass("io.aurabilling.engine.BillingEngine").getMethod("builder").invoke(null);
            Class<?> builderType = builder.getClass();
            builderType.getMethod("config", configType).invoke(builder, config);
            builderType.getMethod("libraryVersion", String.class).invoke(builder, "cluster-test");
            Object clusterEngine = builderType.getMethod("build").invoke(builder);
            Class<?> sourceType = cluster.loadClass("io.aurabilling.dataset.DatasetSource");
            Object source = cluster.loadClass("io.aurabilling.dataset.LocalDatasetFolder").getMethod("of", Path.class)
                    .invoke(null, datasets);
            Class<?> optionsType = cluster.loadClass("io.aurabilling.dataset.ReadOptions");
            Object options = optionsType.getMethod("defaults").invoke(null);
            Method bill = cluster.loadClass("io.aurabilling.dataset.DatasetBilling").getMethod("bill",
                    clusterEngine.getClass(), sourceType, YearMonth.class, java.util.Collection.class, optionsType);
            Object result = bill.invoke(null, clusterEngine, source, YearMonth.of(2026, 10), List.of(), options);
            Object run = result.getClass().getMethod("run").invoke(result);
            List<?> invoices = (List<?>) run.getClass().getMethod("invoices").invoke(run);
            assertEquals(expected.invoices().size(), invoices.size());

            Object clusterJson = cluster.loadClass("io.aurabilling.invoice.json.JsonInvoiceWriter")
                    .getConstructor().newInstance();
            Class<?> invoiceType = cluster.loadClass("io.aurabilling.invoice.Invoice");
            Method toJson = clusterJson.getClass().getMethod("toJson", invoiceType);
            Object clusterXlsx = cluster.loadClass("io.aurabilling.invoice.xlsx.XlsxInvoiceWriter")
                    .getConstructor().newInstance();
            Method render = clusterXlsx.getClass().getMethod("render", invoiceType, List.class);
            Object usage = run.getClass().getMethod("usage").invoke(run);
            List<?> allCells = (List<?>) usage.getClass().getMethod("cells").invoke(usage);
            JsonInvoiceWriter json = new JsonInvoiceWriter();
            XlsxInvoiceWriter xlsx = new XlsxInvoiceWriter();
            for (int i = 0; i < invoices.size(); i++) {
                Invoice want = expected.invoices().get(i);
                assertEquals(json.toJson(want), toJson.invoke(clusterJson, invoices.get(i)), want.number());
                String ob = want.ob().country();
                List<Object> cells = new ArrayList<>();
                for (Object c : allCells) {
                    if (ob.equals(c.getClass().getMethod("country").invoke(c))) {
                        cells.add(c);
                    }
                }
                byte[] got = (byte[]) render.invoke(clusterXlsx, invoices.get(i), cells);
                assertArrayEquals(xlsx.render(want, expected.usage().cells().stream()
                        .filter(c -> c.country().equals(ob)).toList()), got, want.number());
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
