package io.aurabilling.spark.bench;

import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.config.yaml.BillingConfigLoader;
import io.aurabilling.dataset.AuraDatasets;
import io.aurabilling.dataset.DatasetRead;
import io.aurabilling.dataset.LocalDatasetFolder;
import io.aurabilling.dataset.ReadOptions;
import io.aurabilling.dataset.synthetic.AuraMonthGenerator;
import io.aurabilling.dataset.synthetic.GeneratorOptions;
import io.aurabilling.dataset.synthetic.SampleConfig;
import io.aurabilling.spark.SparkRead;
import io.aurabilling.spark.SparkReadOptions;
import io.aurabilling.spark.SparkSources;
import io.aurabilling.spark.SparkUsageReader;
import org.apache.spark.sql.SparkSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;

/**
 * The Spark {@code local[N]} read against the embedded read on the same files, in one run, and a check
 * that both give the same usage. Reuses {@code target/bench-data/deflate-10000000} (the kernel read
 * benchmark's data) when present, else generates it.
 *
 * <pre>
 * java $SPARK_OPENS -Xmx8g -cp &lt;billing-spark test class path&gt; io.aurabilling.spark.bench.SparkVsEmbeddedBenchmark \
 *     [--dir target/bench-data/deflate-10000000] [--rows 10000000] [--master local[2]]
 * </pre>
 */
public final class SparkVsEmbeddedBenchmark {
    private static final YearMonth MONTH = YearMonth.of(2026, 10);

    private SparkVsEmbeddedBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args see the class comment
     */
    public static void main(String[] args) {
        long rows = 10_000_000L;
        Path dir = null;
        String master = "local[2]";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i].replace("_", ""));
                case "--dir" -> dir = Path.of(args[++i]);
                case "--master" -> master = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path data = dir != null ? dir : Path.of("target/bench-data/deflate-" + rows);
        if (!Files.exists(data.resolve("Aura_Audit"))) {
            long t0 = System.nanoTime();
            AuraMonthGenerator.generate(GeneratorOptions.of(data, MONTH, rows));
            System.out.printf(Locale.ROOT, "generated %,d rows in %.1f s into %s%n", rows, (System.nanoTime() - t0) / 1e9, data);
        }
        BillingConfig config = BillingConfigLoader.parse(SampleConfig.yaml(GeneratorOptions.DEFAULT_OBS), "billing.yaml",
                name -> null);
        System.out.printf(Locale.ROOT, "machine: %d cores, max heap %d MiB, Java %s, Spark %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("java.version"), org.apache.spark.package$.MODULE$.SPARK_VERSION());

        long t0 = System.nanoTime();
        DatasetRead embedded = AuraDatasets.read(LocalDatasetFolder.of(data), MONTH, config::zoneOf,
                config.defaults().timestampsWithoutOffset(), ReadOptions.defaults());
        double embeddedSeconds = (System.nanoTime() - t0) / 1e9;
        long read = embedded.usage().totalRows().read();
        System.out.printf(Locale.ROOT, "embedded (%d threads): %,d rows in %.1f s, %,.0f rows/s%n",
                ReadOptions.defaults().threads(), read, embeddedSeconds, read / embeddedSeconds);

        SparkSession spark = SparkSession.builder().master(master).appName("SparkVsEmbeddedBenchmark")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        try {
            long t1 = System.nanoTime();
            SparkRead onSpark = SparkUsageReader.read(spark, SparkSources.folder(data.toAbsolutePath().toUri().toString()),
                    MONTH, config, SparkReadOptions.defaults());
            double sparkSeconds = (System.nanoTime() - t1) / 1e9;
            System.out.printf(Locale.ROOT, "spark %s: %,d rows in %.1f s, %,.0f rows/s (%.2fx the embedded time)%n",
                    master, onSpark.usage().totalRows().read(), sparkSeconds,
                    onSpark.usage().totalRows().read() / sparkSeconds, sparkSeconds / embeddedSeconds);
            boolean same = embedded.usage().cellMap().equals(onSpark.usage().cellMap())
                    && embedded.usage().rowsByCountry().equals(onSpark.usage().rowsByCountry())
                    && embedded.usage().requestsByCountry().equals(onSpark.usage().requestsByCountry())
                    && embedded.usage().inputs().equals(onSpark.usage().inputs());
            System.out.println("same cells, buckets, requests and lineage: " + same);
            if (!same) {
                throw new IllegalStateException("the Spark and embedded reads differ");
            }
        } finally {
            spark.stop();
        }
    }
}
