package io.aurabilling.dataset.synthetic;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.avro.Schema;

/**
 * Writes a deterministic, realistic synthetic Aura month in the local dataset layout of
 * cli.md: {@code <out>/Aura_Audit/DAY_DT=yyyy-MM-dd/part-NNNNN.avro} for the month plus one
 * UTC day on each side, and the dimensions {@code <out>/D_Aura_App/part-0.avro},
 * {@code D_Aura_Component}, {@code D_Aura_Channel}, {@code D_Aura_Preset}, {@code D_Gbl_Country}.
 *
 * <p>Equal {@link GeneratorOptions} give byte-identical files (seeded generator, sync
 * markers derived from the seed and the path, no clock). Rows are streamed day by day
 * and file by file, so memory does not grow with the row count.
 *
 * <p>The traffic: several OBs with their own volumes and zones, a daily (night low) and
 * weekly (weekend low) shape in each OB's local time, interactions touching 1-3 components
 * within a few ms, and small rates of exact duplicates (~0.05%), null apps on
 * aura-groot/aura-bridge, null channels (~0.1%), unknown ids (~0.01%), unparseable
 * timestamps (~0.01%), and a few rows on the local days just outside the month.
 */
public final class AuraMonthGenerator {

    private AuraMonthGenerator() {
    }

    /**
     * Generates a month. Earlier generated {@code Aura_Audit} parts under the output folder are
     * removed first, so a smaller run never leaves stale files that a reader would count.
     *
     * @param options what to generate
     * @return the files written and the row counts a reader should find
     * @throws UncheckedIOException when a file cannot be written (the message names it)
     */
    public static GenerationSummary generate(GeneratorOptions options) {
        requireNonNull(options, "options is null");
        MonthPlan plan = new MonthPlan(options);
        Vocabulary vocabulary = new Vocabulary(plan);
        Schema schema = AvroOutput.schema("Aura_Audit");
        try {
            removeStaleParts(options.outDir());
            List<GeneratedFile> files = new ArrayList<>();
            Tally tally = new Tally(plan.obs.size());
            int days = plan.days.size();
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), days), r -> {
                Thread t = new Thread(r, "aura-month-generator");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<DayWriter.Result>> results = new ArrayList<>();
                for (int d = 0; d < days; d++) {
                    DayWriter writer = new DayWriter(options, plan, vocabulary, schema, d);
                    results.add(pool.submit(writer::write));
                }
                // merged in day order, whatever order the threads finished in
                for (Future<DayWriter.Result> f : results) {
                    DayWriter.Result r = f.get();
                    files.addAll(r.files());
                    tally.add(r.tally());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("generation of " + options.outDir() + " was interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException) {
                    throw new UncheckedIOException("cannot write the synthetic month under " + options.outDir()
                            + ": " + cause.getMessage(), (IOException) cause);
                }
                if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                }
                throw new IllegalStateException(cause);
            } finally {
                pool.shutdownNow();
            }
            files.addAll(new DimensionWriter(options, plan).write());
            return summary(plan, files, tally);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the synthetic month under " + options.outDir()
                    + ": " + e.getMessage(), e);
        }
    }

    private static GenerationSummary summary(MonthPlan plan, List<GeneratedFile> files, Tally tally) {
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Long> billable = new LinkedHashMap<>();
        Map<String, Long> requests = new LinkedHashMap<>();
        long total = 0;
        for (int o = 0; o < plan.obs.size(); o++) {
            String code = plan.obs.get(o).code();
            rows.put(code, tally.rowsByOb[o]);
            billable.put(code, tally.billableRowsByOb[o]);
            requests.put(code, tally.billableRequestsByOb[o]);
            total += tally.rowsByOb[o];
        }
        return new GenerationSummary(files, total, rows, billable, requests, tally.duplicates, tally.badTimestamps,
                tally.outOfPeriod, tally.nullApps, tally.nullChannels, tally.unknownApps, tally.unknownComponents);
    }

    /** Deletes {@code Aura_Audit/DAY_DT=* /part-NNNNN.avro} files of an earlier generation (and their empty folders). */
    private static void removeStaleParts(Path outDir) throws IOException {
        Path audit = outDir.resolve("Aura_Audit");
        if (!Files.isDirectory(audit)) {
            return;
        }
        try (DirectoryStream<Path> dayDirs = Files.newDirectoryStream(audit, "DAY_DT=*")) {
            for (Path dayDir : dayDirs) {
                if (!Files.isDirectory(dayDir)) {
                    continue;
                }
                try (DirectoryStream<Path> parts = Files.newDirectoryStream(dayDir, "part-[0-9][0-9][0-9][0-9][0-9].avro")) {
                    for (Path part : parts) {
                        Files.delete(part);
                    }
                }
                try (DirectoryStream<Path> left = Files.newDirectoryStream(dayDir)) {
                    if (!left.iterator().hasNext()) {
                        Files.delete(dayDir);
                    }
                }
            }
        }
    }
}
