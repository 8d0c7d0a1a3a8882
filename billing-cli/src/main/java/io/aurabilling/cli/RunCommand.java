package io.aurabilling.cli;

import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.config.yaml.BillingConfigLoader;
import io.aurabilling.dataset.DatasetSource;
import io.aurabilling.dataset.LocalDatasetFolder;
import io.aurabilling.engine.BillingRun;
import io.aurabilling.store.history.RevisionRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code billing run}: reads a month of datasets, prices every OB asked for, writes and stores
 * the invoices, and ends stdout with the row accounting line.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = BillingCommand.Version.class,
        description = "The main job: read, aggregate, price, write, store.",
        footer = {"", "Datasets are read from the folder --datasets (default '" + RunCommand.DEFAULT_DATASETS
                + "', laid out as <DIR>/<Dataset>/**.avro).",
                "The store is --store or --azure-container, else the config's store:, else the folder '"
                        + StoreOptions.DEFAULT_FOLDER + "'.",
                "stdout: one line per invoice, then 'rows read=N billed=N MISSING_KEY=N ...'."})
public final class RunCommand implements Callable<Integer> {
    /** The dataset folder when {@code --datasets} is not given. */
    public static final String DEFAULT_DATASETS = "datasets";

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The billing.yaml to bill with.")
    Path config;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", converter = MonthConverter.class,
            description = "The billing month.")
    YearMonth period;

    @Option(names = "--ob", paramLabel = "CODE", description = "An OB to invoice (repeatable; default: every configured OB).")
    List<String> obs = new ArrayList<>();

    @Option(names = "--datasets", paramLabel = "DIR",
            description = "Local dataset folder <DIR>/<Dataset>/**.avro (default: " + DEFAULT_DATASETS + ").")
    Path datasets;

    @Option(names = "--kernel", description = "Read the datasets from Kernel (the config's kernel: section).")
    boolean kernel;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--revise", description = "Issue a new revision when a different invoice is already stored.")
    boolean revise;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the invoice is revised (required with --revise).")
    String reason;

    @Option(names = "--dry-run", description = "Price and render, but store nothing; print the totals.")
    boolean dryRun;

    /** Used by picocli. */
    public RunCommand() {
    }

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        if (datasets != null && kernel) {
            throw new CommandLine.ParameterException(cl, "--datasets and --kernel are alternatives; give only one");
        }
        if (revise && (reason == null || reason.isBlank())) {
            throw new CommandLine.ParameterException(cl, "--revise needs --reason \"why the invoice changes\"");
        }
        if (!revise && reason != null) {
            throw new CommandLine.ParameterException(cl, "--reason is only used with --revise");
        }
        RevisionRequest request = revise ? RevisionRequest.revise(reason) : RevisionRequest.NONE;
        BillingConfig loaded = BillingConfigLoader.load(config);
        StoreOptions.OpenedStore store = dryRun ? null : storeOptions.open(loaded);
        PrintWriter out = cl.getOut();
        PrintWriter err = cl.getErr();
        if (kernel) {
            DatasetSource source = KernelDatasets.source(loaded, period);
            BillingRun run = new BillingJob(loaded, source, period, obs, store, request).execute(out, () -> { });
            out.println(run.rows().summaryLine());
            return 0;
        }
        Path folder = datasets != null ? datasets : Path.of(DEFAULT_DATASETS);
        BillingRun run;
        try (ReadProgress progress = ReadProgress.watch(LocalDatasetFolder.of(folder), folder.toAbsolutePath(), err,
                Console.isTerminal())) {
            run = new BillingJob(loaded, progress, period, obs, store, request).execute(out, progress::close);
        }
        out.println(run.rows().summaryLine());
        out.flush();
        return 0;
    }
}
