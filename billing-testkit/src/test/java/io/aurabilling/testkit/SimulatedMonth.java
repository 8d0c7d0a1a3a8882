package io.aurabilling.testkit;

import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.config.yaml.BillingConfigLoader;
import io.aurabilling.dataset.DatasetBilling;
import io.aurabilling.dataset.DatasetSource;
import io.aurabilling.dataset.LocalDatasetFolder;
import io.aurabilling.dataset.ReadOptions;
import io.aurabilling.dataset.synthetic.AuraMonthGenerator;
import io.aurabilling.dataset.synthetic.GeneratorOptions;
import io.aurabilling.dataset.synthetic.SampleConfig;
import io.aurabilling.engine.BillingEngine;
import io.aurabilling.engine.BillingRun;
import io.aurabilling.invoice.Invoice;
import io.aurabilling.invoice.json.JsonInvoiceWriter;
import io.aurabilling.kernel.KernelCache;
import io.aurabilling.kernel.KernelClient;
import io.aurabilling.kernel.KernelDatasetSource;
import io.aurabilling.kernel.RetryPolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A generated month shared by the Kernel tests: the datasets folder, the sample configuration, and the
 * invoices (JSON text per OB) of a clean run over the same files read from the local folder.
 */
final class SimulatedMonth {
    static final YearMonth MONTH = YearMonth.of(2026, 10);
    /** A file far outside the month's window: listed by nobody, pruned by the local reader. */
    static final String OUTSIDE = "DAY_DT=2026-08-15/part-00000.avro";

    private static SimulatedMonth shared;

    final Path datasets;
    final Path otherVersion;
    final BillingEngine engine;
    final Map<String, String> reference;

    private SimulatedMonth(Path root) throws IOException {
        datasets = root.resolve("datasets");
        AuraMonthGenerator.generate(GeneratorOptions.of(datasets, MONTH, 3_000).withRowsPerFile(60).withThreads(2));
        Path audit = datasets.resolve("Aura_Audit");
        Path outside = audit.resolve(OUTSIDE);
        Files.createDirectories(outside.getParent());
        Files.copy(audit.resolve("DAY_DT=2026-10-02").resolve(firstFile(audit.resolve("DAY_DT=2026-10-02"))), outside);
        // a later version with different traffic: mixing it into a run would change the invoices
        otherVersion = root.resolve("other").resolve("Aura_Audit");
        AuraMonthGenerator.generate(GeneratorOptions.of(root.resolve("other"), MONTH, 2_000).withSeed(7)
                .withRowsPerFile(60).withThreads(2));
        BillingConfig config = BillingConfigLoader.parse(SampleConfig.yaml(GeneratorOptions.DEFAULT_OBS),
                "billing.yaml", name -> null);
        engine = BillingEngine.builder().config(config).build();
        reference = json(DatasetBilling.bill(engine, versioned(LocalDatasetFolder.of(datasets), "6"), MONTH, List.of(),
                ReadOptions.defaults()).run());
    }

    /** @return the month, generated once per test JVM */
    static synchronized SimulatedMonth get() {
        if (shared == null) {
            try {
                shared = new SimulatedMonth(Files.createTempDirectory("kernel-month"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    private static String firstFile(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().findFirst().orElseThrow();
        }
    }

    /** The same files with the Kernel version as their lineage version, as a Kernel run records it. */
    static DatasetSource versioned(LocalDatasetFolder local, String version) {
        return new DatasetSource() {
            @Override
            public boolean exists(String dataset) {
                return local.exists(dataset);
            }

            @Override
            public List<DatasetFile> files(String dataset) {
                List<DatasetFile> out = new ArrayList<>();
                for (DatasetFile f : local.files(dataset)) {
                    out.add(new DatasetFile(f.relativePath(), f::open, version));
                }
                return out;
            }

            @Override
            public String describe() {
                return local.describe();
            }
        };
    }

    /** @return the invoice JSON text of each OB */
    static Map<String, String> json(BillingRun run) {
        Map<String, String> out = new TreeMap<>();
        JsonInvoiceWriter writer = new JsonInvoiceWriter();
        for (Invoice invoice : run.invoices()) {
            out.put(invoice.number(), writer.toJson(invoice));
        }
        return out;
    }

    /** A simulator serving this month as version 6 of every dataset. */
    KernelSimulator.Builder simulator() {
        return KernelSimulator.builder().clientId("aura-billing-sim").clientSecret(KernelFaultTest.SECRET)
                .datasets(datasets, 6).pageSize(25);
    }

    /** A client with small timeouts and waits, recording its waits instead of sleeping. */
    static KernelClient.Builder client(KernelSimulator kernel, Path cache, List<Duration> waits) {
        return KernelClient.builder(kernel.settings(cache))
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(5))
                .retry(new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(20)))
                .jitter(() -> 0.5)
                .sleeper(waits::add);
    }

    /** Bills the month from Kernel. */
    Map<String, String> billFromKernel(KernelClient client, Path cache) {
        return billFromKernel(client, cache, ReadOptions.defaults());
    }

    /** Bills the month from Kernel with these read options (one thread: downloads one after another). */
    Map<String, String> billFromKernel(KernelClient client, Path cache, ReadOptions options) {
        KernelDatasetSource source = KernelDatasetSource.of(client, KernelCache.of(cache), MONTH);
        return json(DatasetBilling.bill(engine, source, MONTH, List.of(), options).run());
    }
}
