package io.aurabilling.dataset.synthetic;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.aurabilling.ConfigurationException;

/**
 * Command-line entry of the generator, used by {@code billing generate} and the benchmark:
 * {@code --out DIR --period YYYY-MM --rows N [--seed S] [--obs CODE,...] [--codec deflate|zstd|null]
 * [--rows-per-file N] [--threads N] [--sample-config FILE]}. Prints a summary on stdout;
 * a usage error prints one line on stderr and exits with 2.
 */
public final class GenerateMain {

    private GenerateMain() {
    }

    /**
     * Runs the generator.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        try {
            run(args, System.out);
        } catch (ConfigurationException e) {
            System.err.println("generate: " + e.getMessage());
            System.exit(ConfigurationException.EXIT_CODE);
        }
    }

    /**
     * Parses the arguments, generates, and prints the summary.
     *
     * @param args the command-line arguments
     * @param out where the summary goes
     * @return the summary
     * @throws ConfigurationException for a usage error (the message says what to fix)
     */
    public static GenerationSummary run(String[] args, PrintStream out) {
        GeneratorOptions options = parse(args);
        Path sampleConfig = sampleConfigPath(args);
        GenerationSummary summary = AuraMonthGenerator.generate(options);
        if (sampleConfig != null) {
            SampleConfig.write(sampleConfig, options.obs());
        }
        out.println("wrote " + summary.rows() + " Aura_Audit rows in " + summary.files().size() + " files under "
                + options.outDir() + " (period " + options.period() + ", seed " + options.seed() + ", codec "
                + options.codec().name().toLowerCase(Locale.ROOT) + ")");
        for (Map.Entry<String, Long> e : summary.rowsByOb().entrySet()) {
            out.println("  " + e.getKey() + " rows=" + e.getValue() + " billable=" + summary.billableRowsByOb().get(e.getKey())
                    + " requests=" + summary.billableRequestsByOb().get(e.getKey()));
        }
        out.println("  DUPLICATE=" + summary.duplicates() + " BAD_TIMESTAMP=" + summary.badTimestamps()
                + " OUT_OF_PERIOD=" + summary.outOfPeriod() + " nullApps=" + summary.nullApps() + " nullChannels="
                + summary.nullChannels() + " unknownApps=" + summary.unknownApps() + " unknownComponents="
                + summary.unknownComponents());
        if (sampleConfig != null) {
            out.println("  sample configuration: " + sampleConfig);
        }
        return summary;
    }

    /**
     * Parses the arguments into options.
     *
     * @param args the command-line arguments
     * @return the options
     * @throws ConfigurationException for a usage error
     */
    public static GeneratorOptions parse(String[] args) {
        Path outDir = null;
        YearMonth period = null;
        Long rows = null;
        long seed = GeneratorOptions.DEFAULT_SEED;
        List<String> obs = GeneratorOptions.DEFAULT_OBS;
        GeneratorOptions.Codec codec = GeneratorOptions.Codec.DEFLATE;
        long rowsPerFile = GeneratorOptions.DEFAULT_ROWS_PER_FILE;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ("--help".equals(arg) || "-h".equals(arg)) {
                throw new ConfigurationException(usage());
            }
            if (i + 1 >= args.length) {
                throw new ConfigurationException("missing value after " + arg + ". " + usage());
            }
            String value = args[++i];
            try {
                switch (arg) {
                    case "--out":
                        outDir = Path.of(value);
                        break;
                    case "--period":
                        period = YearMonth.parse(value);
                        break;
                    case "--rows":
                        rows = Long.parseLong(value.replace("_", ""));
                        break;
                    case "--seed":
                        seed = Long.parseLong(value);
                        break;
                    case "--obs":
                        obs = new ArrayList<>(List.of(value.split(",", -1)));
                        break;
                    case "--codec":
                        codec = GeneratorOptions.Codec.parse(value);
                        break;
                    case "--rows-per-file":
                        rowsPerFile = Long.parseLong(value.replace("_", ""));
                        break;
                    case "--threads":
                        threads = Integer.parseInt(value);
                        break;
                    case "--sample-config":
                        break;
                    default:
                        throw new ConfigurationException("unknown option " + arg + ". " + usage());
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw new ConfigurationException("bad value '" + value + "' for " + arg + ". " + usage(), e);
            }
        }
        if (outDir == null || period == null || rows == null) {
            throw new ConfigurationException("--out, --period and --rows are required. " + usage());
        }
        try {
            return new GeneratorOptions(outDir, period, rows, seed, obs, codec, rowsPerFile, threads);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage() + ". " + usage(), e);
        }
    }

    private static Path sampleConfigPath(String[] args) {
        for (int i = 0; i + 1 < args.length; i += 2) {
            if ("--sample-config".equals(args[i])) {
                return Path.of(args[i + 1]);
            }
        }
        return null;
    }

    private static String usage() {
        return "Usage: generate --out DIR --period YYYY-MM --rows N [--seed S] [--obs CODE,...]"
                + " [--codec deflate|zstd|null] [--rows-per-file N] [--threads N] [--sample-config FILE]";
    }
}
