package io.aurabilling.cli;

import io.aurabilling.ConfigurationException;
import io.aurabilling.dataset.synthetic.AuraMonthGenerator;
import io.aurabilling.dataset.synthetic.GenerationSummary;
import io.aurabilling.dataset.synthetic.GeneratorOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code billing generate}: writes a synthetic month of Aura datasets in the local layout. */
@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = BillingCommand.Version.class,
        description = "Writes synthetic Aura datasets in the local layout <DIR>/<Dataset>/**.avro.")
public final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The dataset folder to write.")
    Path out;

    @Option(names = "--period", required = true, paramLabel = "YYYY-MM", converter = MonthConverter.class,
            description = "The month to generate.")
    YearMonth period;

    @Option(names = "--rows", required = true, paramLabel = "N", description = "Exact number of Aura_Audit rows.")
    long rows;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every random choice (default: ${DEFAULT-VALUE}).")
    long seed = GeneratorOptions.DEFAULT_SEED;

    @Option(names = "--obs", paramLabel = "CODE", split = ",",
            description = "OB codes to generate (default: BRA,ESP,DEU,GBR,ARG,COL,PER).")
    List<String> obs = GeneratorOptions.DEFAULT_OBS;

    /** Used by picocli. */
    public GenerateCommand() {
    }

    @Override
    public Integer call() {
        GenerationSummary summary = AuraMonthGenerator.generate(options(out, period, rows, seed, obs));
        print(summary, out, spec.commandLine().getOut());
        return 0;
    }

    /**
     * Checked generator options.
     *
     * @param dir the dataset folder
     * @param month the month
     * @param rowCount the rows
     * @param seedValue the seed
     * @param obCodes the OB codes
     * @return the options
     * @throws ConfigurationException when a value is out of range (negative rows, a bad OB code)
     */
    static GeneratorOptions options(Path dir, YearMonth month, long rowCount, long seedValue, List<String> obCodes) {
        try {
            return GeneratorOptions.of(dir, month, rowCount).withSeed(seedValue).withObs(obCodes);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage() + "; fix the option and run again", e);
        }
    }

    /**
     * Prints what was generated.
     *
     * @param summary the generation summary
     * @param dir the dataset folder
     * @param w where to print
     */
    static void print(GenerationSummary summary, Path dir, PrintWriter w) {
        w.println("wrote " + summary.rows() + " Aura_Audit rows in " + summary.files().size() + " files under " + dir);
        for (Map.Entry<String, Long> e : summary.rowsByOb().entrySet()) {
            w.println("  " + e.getKey() + " rows=" + e.getValue() + " billable=" + summary.billableRowsByOb().get(e.getKey())
                    + " requests=" + summary.billableRequestsByOb().get(e.getKey()));
        }
        w.println("  DUPLICATE=" + summary.duplicates() + " BAD_TIMESTAMP=" + summary.badTimestamps() + " OUT_OF_PERIOD="
                + summary.outOfPeriod());
        w.flush();
    }
}
