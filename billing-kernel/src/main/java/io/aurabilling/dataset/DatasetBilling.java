package io.aurabilling.dataset;

import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.engine.BillingEngine;
import io.aurabilling.engine.BillingRun;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One call from Aura datasets to invoices: reads and aggregates a month with the zones
 * and timestamp rules of the engine's configuration, then prices every OB asked for.
 *
 * <pre>{@code
 * BillingConfig config = BillingConfigLoader.load(Path.of("billing.yaml"));
 * BillingEngine engine = BillingEngine.builder().config(config).build();
 * DatasetBilling.Result result = DatasetBilling.bill(engine, LocalDatasetFolder.of(Path.of("datasets")),
 *         YearMonth.of(2026, 10), List.of(), ReadOptions.defaults());
 * }</pre>
 */
public final class DatasetBilling {
    private DatasetBilling() {
    }

    /**
     * What a run from datasets produced.
     *
     * @param run the invoices and the run's row accounting
     * @param skipped files skipped as unreadable (only with {@link ReadOptions#skipBadFiles()})
     * @param filesPruned files not read because their {@code DAY_DT} folder is outside the period's margin
     */
    public record Result(BillingRun run, List<SkippedFile> skipped, long filesPruned) {
        /** Validates and copies the components. */
        public Result {
            requireNonNull(run, "run is null");
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * Reads the datasets and invoices the OBs.
     *
     * @param engine the engine (its configuration gives zones and the no-offset zone)
     * @param source where the datasets are
     * @param month the billing month
     * @param obs the OBs to invoice; empty for every configured OB
     * @param options threads and bad-file handling
     * @return the run and what was skipped or pruned
     * @throws io.aurabilling.InputDataException for unreadable data or unpriced usage
     * @throws io.aurabilling.ConfigurationException for an unconfigured OB or missing pricing
     */
    public static Result bill(BillingEngine engine, DatasetSource source, YearMonth month, Collection<String> obs,
                              ReadOptions options) {
        requireNonNull(engine, "engine is null");
        BillingConfig config = engine.config();
        DatasetRead read = AuraDatasets.read(source, month, config::zoneOf,
                config.defaults().timestampsWithoutOffset(), options);
        BillingRun run = engine.invoice(read.usage(), read.dimensions(), month, obs);
        return new Result(run, read.skipped(), read.filesPruned());
    }

    /**
     * Reads a local dataset folder ({@code <DIR>/<Dataset>/**.avro}) and invoices every
     * configured OB with the built-in and discovered models.
     *
     * @param folder the dataset folder
     * @param config the configuration
     * @param month the billing month
     * @return the run
     */
    public static BillingRun bill(Path folder, BillingConfig config, YearMonth month) {
        BillingEngine engine = BillingEngine.builder().config(config).build();
        return bill(engine, LocalDatasetFolder.of(folder), month, List.of(), ReadOptions.defaults()).run();
    }
}
