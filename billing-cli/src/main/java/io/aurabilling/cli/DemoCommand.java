package io.aurabilling.cli;

import io.aurabilling.config.yaml.BillingConfig;
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

    /** Used by picocli. */
    public DemoCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        Path datasets = out.resolve("datasets");
        Path configFile = out.resolve("billing.yaml");
        Path invoices = out.resolve("invoices");
        GeneratorOptions options = GeneratorOptions.of(datasets, PERIOD, ROWS);
        if (Console.isTerminal()) {
            spec.commandLine().getErr().println("generating " + ROWS + " rows of " + PERIOD + " in " + datasets + " ...");
            spec.commandLine().getErr().flush();
        }
        AuraMonthGenerator.generate(options);
        SampleConfig.write(configFile, options.obs());
        BillingConfig config = BillingConfigLoader.load(configFile);
        BillingRun run;
        try (ReadProgress progress = ReadProgress.watch(LocalDatasetFolder.of(datasets), datasets.toAbsolutePath(),
                spec.commandLine().getErr(), Console.isTerminal())) {
            run = new BillingJob(config, progress, PERIOD, List.of(), StoreOptions.OpenedStore.folder(invoices),
                    RevisionRequest.NONE).execute(w, progress::close);
        }
        w.println("invoices: " + invoices);
        w.println("config: " + configFile);
        w.println("datasets: " + datasets);
        w.println(run.rows().summaryLine());
        w.flush();
        return 0;
    }
}
