package io.aurabilling.spark;

import org.apache.spark.sql.SparkSession;

/** A small {@code local[2]} session for tests: one per test class, stopped after it. */
final class LocalSpark {
    private LocalSpark() {
    }

    static SparkSession start(String name) {
        return SparkSession.builder()
                .master("local[2]")
                .appName(name)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.default.parallelism", "2")
                // small splits, so that a file is read in several splits by different tasks
                .config("spark.sql.files.maxPartitionBytes", "262144")
                .config("spark.sql.files.openCostInBytes", "65536")
                .config("spark.driver.bindAddress", "127.0.0.1")
                // tables of the tests live in target/, not in the module folder
                .config("spark.sql.warehouse.dir", java.nio.file.Path.of("target/spark-warehouse").toAbsolutePath().toUri().toString())
                .config("spark.sql.session.timeZone", "America/Los_Angeles")
                .getOrCreate();
    }
}
