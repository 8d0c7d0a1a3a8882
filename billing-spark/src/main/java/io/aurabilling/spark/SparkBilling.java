package io.aurabilling.spark;

import io.aurabilling.engine.BillingEngine;
import io.aurabilling.engine.BillingRun;
import org.apache.spark.sql.SparkSession;

import java.time.YearMonth;
import java.util.Collection;

import static java.util.Objects.requireNonNull;

/**
 * One call from Aura datasets on Spark to invoices: the rows are read and aggregated on the
 * executors ({@link SparkUsageReader}), then the engine prices on the driver, with the same code and
 * therefore the same invoices as the embedded {@code DatasetBilling}.
 *
 * <pre>{@code
 * BillingEngine engine = BillingEngine.builder()
 *         .config(BillingConfigLoader.parse(yamlText, "billing.yaml", System::getenv))
 *         .pricingModel(new MyNotebookModel())   // a model defined in a notebook cell
 *         .build();                               // discovery: this thread's context class loader
 * SparkBilling.Result result = SparkBilling.bill(spark, engine, SparkSources.tables("main.aura"),
 *         YearMonth.of(2026, 10), List.of(), SparkReadOptions.defaults());
 * }</pre>
 *
 * <p>Plugins are discovered when the engine is built, on the driver, in the caller's thread, through
 * the library's class loader and the thread context class loader (the notebook's or the job's); none
 * is needed on the executors, which only aggregate rows.
 */
public final class SparkBilling {
    private SparkBilling() {
    }

    /**
     * What a Spark run produced.
     *
     * @param run the invoices and the run's row accounting
     * @param filesPruned {@code Aura_Audit} files not read because of their {@code DAY_DT} folder
     */
    public record Result(BillingRun run, long filesPruned) {
        /** Validates the components. */
        public Result {
            requireNonNull(run, "run is null");
        }
    }

    /**
     * Parses {@code billing.yaml} text with {@code ${env:NAME}} references resolved from a map (for notebooks,
     * e.g. Python through py4j, where passing a {@link java.util.function.Function} is awkward).
     *
     * @param yamlText the configuration text
     * @param sourceName the name shown in error messages, e.g. {@code billing.yaml}
     * @param env values of {@code ${env:NAME}} references, e.g. from a secret scope; never logged
     * @return the configuration
     * @throws io.aurabilling.ConfigurationException when the configuration is invalid
     */
    public static io.aurabilling.config.yaml.BillingConfig parseConfig(String yamlText, String sourceName,
                                                                       java.util.Map<String, String> env) {
        requireNonNull(env, "env is null");
        java.util.Map<String, String> copy = new java.util.HashMap<>(env);
        return io.aurabilling.config.yaml.BillingConfigLoader.parse(yamlText, sourceName, copy::get);
    }

    /**
     * Reads on Spark and invoices the OBs.
     *
     * @param spark the session
     * @param engine the engine (its configuration gives the zones)
     * @param sources where the datasets are
     * @param month the billing month
     * @param obs the OBs to invoice; empty for every configured OB
     * @param options limits of the read
     * @return the run
     * @throws io.aurabilling.InputDataException for unreadable data or unpriced usage
     * @throws io.aurabilling.ConfigurationException for an unconfigured OB or missing pricing
     */
    public static Result bill(SparkSession spark, BillingEngine engine, SparkSources sources, YearMonth month,
                              Collection<String> obs, SparkReadOptions options) {
        requireNonNull(engine, "engine is null");
        SparkRead read = SparkUsageReader.read(spark, sources, month, engine.config(), options);
        BillingRun run = engine.invoice(read.usage(), read.dimensions(), month, obs);
        return new Result(run, read.filesPruned());
    }
}
