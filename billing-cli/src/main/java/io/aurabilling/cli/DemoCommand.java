package io.aurabilling.cli;

import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.testkit.KernelSimulator;
import io.aurabilling.config.yaml.BillingConfigLoader;
import io.aurabilling.dataset.LocalDatasetFolder;
import io.aurabilling.engine.BillingRun;
import io.aurabilling.dataset.synthetic.AuraMonthGenerator;
import io.aurabilling.dataset.synthetic.GeneratorOptions;
import io.aurabilling.dataset.synthetic.SampleConfig;
import io.aurabilling.store.history.RevisionRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code billing demo}: generates a sample month ({@value #ROWS} rows of {@link #PERIOD}) and
 * the sample {@code billing.yaml} under the output folder, bills every OB into the local store
 * {@code <out>/invoices} and prints the invoices, the paths and the row accounting. The data is
 * generated with a fixed seed, so running it again reports every invoice unchanged.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = BillingCommand.Version.class,
        description = "Generates a sample month and billing.yaml, bills every OB into a local store, and prints "
                + "where the invoices are and their totals.")
public final class DemoCommand implements Callable<Integer> {
    /** The month the demo bills. */
    public static final YearMonth PERIOD = YearMonth.of(2026, 10);
    /** The Aura_Audit rows the demo generates. */
    public static final long ROWS = 500_000L;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Where everything goes (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("demo-out");

    @Option(names = "--kernel", description = "Serve the sample month from a Kernel simulator on 127.0.0.1 and "
            + "bill it through the Kernel client (token, scopes, listing, verified downloads into <out>/kernel-cache).")
    boolean kernel;

    /** Used by picocli. */
    public DemoCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        Path datasets = out.resolve("datasets");
        Path configFile = out.resolve("billing.yaml");
        // a Kernel run records Kernel dataset versions in lineage, so it gets a store of its own
        Path invoices = out.resolve(kernel ? "kernel-invoices" : "invoices");
        GeneratorOptions options = GeneratorOptions.of(datasets, PERIOD, ROWS);
        if (Console.isTerminal()) {
            spec.commandLine().getErr().println("generating " + ROWS + " rows of " + PERIOD + " in " + datasets + " ...");
            spec.commandLine().getErr().flush();
        }
        AuraMonthGenerator.generate(options);
        SampleConfig.write(configFile, options.obs());
        BillingConfig config = BillingConfigLoader.load(configFile);
        BillingRun run;
        if (kernel) {
            try (KernelSimulator simulator = KernelSimulator.builder().datasets(datasets, 6).start()) {
                BillingConfig viaKernel = new BillingConfig(config.issuer(), config.invoicePrefix(), config.defaults(),
                        config.obs(), simulator.settings(out.resolve("kernel-cache")), config.store(), config.source(),
                        config.sha256());
                w.println("kernel simulator: " + simulator.apiUrl());
                run = new BillingJob(viaKernel, KernelDatasets.source(viaKernel, PERIOD), PERIOD, List.of(),
                        StoreOptions.OpenedStore.folder(invoices), RevisionRequest.NONE).execute(w, () -> { });
            }
            printPaths(w, invoices, configFile, datasets, run);
            return 0;
        }
        try (ReadProgress progress = ReadProgress.watch(LocalDatasetFolder.of(datasets), datasets.toAbsolutePath(),
                spec.commandLine().getErr(), Console.isTerminal())) {
            run = new BillingJob(config, progress, PERIOD, List.of(), StoreOptions.OpenedStore.folder(invoices),
                    RevisionRequest.NONE).execute(w, progress::close);
        }
        printPaths(w, invoices, configFile, datasets, run);
        return 0;
    }

    private static void printPaths(PrintWriter w, Path invoices, Path configFile, Path datasets, BillingRun run) {
        w.println("invoices: " + invoices);
        w.println("config: " + configFile);
        w.println("datasets: " + datasets);
        w.println(run.rows().summaryLine());
        w.flush();
    }
}
