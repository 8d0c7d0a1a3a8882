package io.aurabilling.spark;

import io.aurabilling.InputDataException;
import io.aurabilling.config.yaml.BillingConfig;
import io.aurabilling.config.yaml.ObSettings;
import io.aurabilling.dataset.AuraDatasets;
import io.aurabilling.dataset.AuraDimensions;
import io.aurabilling.usage.BillingPeriod;
import io.aurabilling.usage.Dimension;
import io.aurabilling.usage.Dimensions;
import io.aurabilling.usage.Exclusion;
import io.aurabilling.usage.InputFile;
import io.aurabilling.usage.UsageAggregate;
import io.aurabilling.usage.UsageKey;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * Reads a month of {@code Aura_Audit} on Spark's executors into the same {@link UsageAggregate} the
 * embedded reader ({@code AuraDatasets.read}) produces from the same files: same buckets, cells,
 * requests and lineage. Only {@link SparkSession} and {@link Dataset} APIs are used (no
 * {@code SparkContext}, no RDDs), so it runs on standard-access clusters too.
 *
 * <p>The rules, all as column expressions: 1 {@code MISSING_KEY} (null or blank as
 * {@link String#isBlank}); 2 {@code BAD_TIMESTAMP} ({@link SparkTimestamp}, the embedded grammar); 3
 * {@code OUT_OF_PERIOD} in the row's country's zone (configured OBs' zones, {@code defaults.timezone}
 * for the rest); 4 {@code DUPLICATE}: the rows passing 1-3 are hash-partitioned by
 * {@code INTERACTION_ID} once, and a window per {@code (INTERACTION_ID, AURA_COMPONENT_ID)} ordered by
 * position ({@link AuditFrame}: file in relative-path order, split offset, row id) keeps the first.
 * Deduplication is exact over the whole month (the embedded reader's is limited to neighbouring days;
 * both agree whenever copies lie within a day, as they do in practice). Distinct requests: a second
 * window on the same partitioning, per {@code (INTERACTION_ID, country)}, marks the first billable row.
 * One aggregation groups billed rows by cell and the rest by country and bucket; the groups are
 * sorted and collected, at most {@link SparkReadOptions#maxCells()} of them.
 *
 * <p>Pruning and lineage are the embedded reader's: files in {@code DAY_DT} folders outside
 * [first day − 1, last day + 1] (the embedded reader's window) are not read; every file read is listed with its SHA-256 (computed
 * on the driver through Hadoop's file system), row count and version.
 */
public final class SparkUsageReader {
    private static final String AUDIT = "Aura_Audit";
    /**
     * Zone transitions are exact within the month ± 3 days: a local time further out is more than
     * 1.5 days from the month in any zone (offsets are at most 18 hours), so it is out of every
     * country's period whichever offset applies.
     */
    private static final long WINDOW_SECONDS = 3L * 86_400L;

    private SparkUsageReader() {
    }

    /**
     * Reads a month.
     *
     * @param spark the session
     * @param sources where {@code Aura_Audit} and the dimensions are
     * @param month the billing month
     * @param config gives the zone of every country and of timestamps without offset
     * @param options limits
     * @return usage, dimensions and files pruned
     * @throws InputDataException when {@code Aura_Audit} is missing or lacks a column, or a file cannot be read
     * @throws IllegalStateException when there are more groups than {@link SparkReadOptions#maxCells()}
     */
    public static SparkRead read(SparkSession spark, SparkSources sources, YearMonth month, BillingConfig config,
                                 SparkReadOptions options) {
        requireNonNull(spark, "spark is null");
        requireNonNull(sources, "sources is null");
        requireNonNull(month, "month is null");
        requireNonNull(config, "config is null");
        requireNonNull(options, "options is null");
        AuraDatasets.checkSupported(month);
        if (!sources.audit().exists(spark)) {
            throw new InputDataException("no " + AUDIT + " dataset at " + sources.audit()
                    + "; point the sources at the " + AUDIT + " table or folder");
        }
        Configuration hadoop = HadoopFiles.configuration(spark);
        AuditFrame audit = AuditFrame.load(spark, AUDIT, sources.audit(), AuraDatasets.firstFolderDay(month),
                AuraDatasets.lastFolderDay(month), false, AuditReaderSchema.JSON);
        UsageAggregate.Builder builder = UsageAggregate.builder();
        // the driver hashes the files while the executors aggregate their rows
        java.util.concurrent.ExecutorService lineageThread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "aura-lineage-main");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.Future<List<InputFile>> lineageFuture = lineageThread.submit(
                () -> FileLineage.describe(hadoop, AUDIT, audit.files(), options.lineageThreads()));
        long counted = -1;
        List<InputFile> lineage;
        try {
            if (audit.rows() != null) {
                counted = aggregate(audit, month, config, options, builder);
            }
            lineage = lineageFuture.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reading " + AUDIT + " was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("computing lineage of " + AUDIT + " failed", e.getCause());
        } finally {
            lineageThread.shutdownNow();
        }
        lineage.forEach(builder::addInput);
        if (audit.rows() != null) {
            long listed = lineage.stream().mapToLong(InputFile::rows).sum();
            boolean allAvro = lineage.stream().allMatch(f -> f.rows() >= 0);
            if (!lineage.isEmpty() && allAvro && counted != listed) {
                throw new IllegalStateException(AUDIT + ": Spark counted " + counted + " rows but the files hold "
                        + listed + "; the rows' _metadata.file_path did not match the listed files");
            }
        }
        // the same dimensions as the embedded reader: those invoices use, and the others when present
        Dimensions dimensions = AuraDimensions.load(f -> dimension(spark, hadoop, sources, f.dataset(), f.keyField(),
                f.nameField(), builder, options));
        return new SparkRead(builder.build(), dimensions, audit.pruned());
    }

    /** Runs the rules and the aggregation; returns the number of rows counted. */
    private static long aggregate(AuditFrame audit, YearMonth month, BillingConfig config, SparkReadOptions options,
                                  UsageAggregate.Builder builder) {
        Column iid = audit.column("INTERACTION_ID", true, AUDIT);
        Column tm = audit.column("AURA_TM", true, AUDIT);
        Column country = audit.column("COUNTRY_3_ALPHA_CD", true, AUDIT);
        Column component = audit.column("AURA_COMPONENT_ID", true, AUDIT);
        Column channel = audit.column("AURA_CHANNEL_ID", false, AUDIT);
        Column app = audit.column("AURA_APP_ID", false, AUDIT);
        Column service = audit.column("AURA_SERVICE_NAME_CD", false, AUDIT);
        Column preset = audit.column("AURA_PRESET_NAME", false, AUDIT);

        long monthStart = month.atDay(1).toEpochDay() * 86_400L;
        long from = monthStart - WINDOW_SECONDS;
        long to = month.plusMonths(1).atDay(1).toEpochDay() * 86_400L + WINDOW_SECONDS;
        // three projections, so that the large expressions are computed once per row and referenced after
        Column[] parts = SparkTimestamp.parts(tm);
        Dataset<Row> parsed = audit.rows().select(
                iid.as("iid"), component.as("comp"), country.as("country_raw"),
                channel.as("channel"), app.as("app"), when(service.isNull(), lit("other")).otherwise(service).as("service"),
                preset.as("preset"), parts[0].as("tm_valid"), parts[1].as("tm_local"), parts[2].as("tm_offset"),
                col(AuditFrame.FILE).as("f"), col(AuditFrame.BLOCK).as("blk"), col(AuditFrame.ROW).as("r"));
        Column blankCountry = blank(col("country_raw"));
        Column missing = blankCountry.or(blank(col("iid"))).or(blank(col("comp")));
        Dataset<Row> timed = parsed.select(col("*"), missing.as("missing"),
                when(blankCountry, lit("")).otherwise(col("country_raw")).as("country"),
                SparkTimestamp.instant(col("tm_valid"), col("tm_local"), col("tm_offset"),
                        config.defaults().timestampsWithoutOffset(), from, to).as("second"));
        Column second = col("second");
        Column rawCountry = col("country_raw");
        Column start = byZone(rawCountry, config, zone -> lit(new BillingPeriod(month, zone).start().getEpochSecond()));
        Column end = byZone(rawCountry, config, zone -> lit(new BillingPeriod(month, zone).end().getEpochSecond()));
        Column offset = byZone(rawCountry, config, zone -> {
            BillingPeriod p = new BillingPeriod(month, zone);
            return ZoneColumns.offsetAt(second, zone, p.start().getEpochSecond(), p.end().getEpochSecond());
        });
        Column bucket = when(col("missing"), lit(1))
                .when(second.isNull(), lit(2))
                .when(second.lt(start).or(second.geq(end)), lit(3))
                .otherwise(lit(0));
        Dataset<Row> classified = timed.select(col("iid"), col("comp"), col("country"), col("channel"), col("app"),
                col("service"), col("preset"), bucket.as("b"),
                SparkTimestamp.floorDiv(second.plus(offset), 86_400L).as("day"), col("f"), col("blk"), col("r"));
        // rows excluded by rules 1-3 get a key of their own, so they spread evenly and never meet a candidate
        Column key = when(col("b").equalTo(0), col("iid"))
                .otherwise(concat(lit("\u0000excluded#"), col("r").cast("string")));
        Dataset<Row> keyed = classified.withColumn("k", key).repartition(col("k"));
        WindowSpec byCopy = Window.partitionBy(col("k"), col("comp"))
                .orderBy(col("b"), col("f"), col("blk"), col("r"));
        Column candidate = col("b").equalTo(0);
        Dataset<Row> deduped = keyed.withColumn("first", row_number().over(byCopy).equalTo(1))
                .withColumn("bucket", when(candidate.and(col("first")), lit(0))
                        .when(candidate, lit(4)).otherwise(col("b")));
        WindowSpec byRequest = Window.partitionBy(col("k"), col("country"))
                .orderBy(col("bucket"), col("f"), col("blk"), col("r"));
        Column billed = col("bucket").equalTo(0);
        Dataset<Row> marked = deduped.withColumn("request",
                when(billed.and(row_number().over(byRequest).equalTo(1)), lit(1L)).otherwise(lit(0L)));

        Dataset<Row> groups = marked.groupBy(col("bucket"), col("country"),
                        when(billed, col("day")).as("day"), when(billed, col("comp")).as("comp"),
                        when(billed, col("app")).as("app"), when(billed, col("channel")).as("channel"),
                        when(billed, col("service")).as("service"), when(billed, col("preset")).as("preset"))
                .agg(count(lit(1)).as("rows"), sum(col("request")).as("requests"))
                .orderBy(col("country"), col("bucket"), col("day"), col("comp"), col("app").asc_nulls_last(),
                        col("channel").asc_nulls_last(), col("service"), col("preset").asc_nulls_last());
        List<Row> rows = groups.limit((int) Math.min(Integer.MAX_VALUE - 1, options.maxCells() + 1)).collectAsList();
        if (rows.size() > options.maxCells()) {
            throw new IllegalStateException(AUDIT + " aggregates into more than " + options.maxCells()
                    + " groups (usage cells and excluded-row groups); the driver would collect them all. Check for "
                    + "unexpected ids in the data, or raise SparkReadOptions.maxCells and the driver's memory");
        }
        long counted = 0;
        Map<String, long[]> requests = new TreeMap<>();
        for (Row r : rows) {
            int b = r.getInt(0);
            String c = r.getString(1);
            long n = r.getLong(8);
            counted += n;
            if (b == 0) {
                builder.addCell(new UsageKey(c, LocalDate.ofEpochDay(r.getLong(2)), r.getString(3), r.getString(4),
                        r.getString(5), r.getString(6), r.getString(7)), n);
                requests.computeIfAbsent(c, x -> new long[1])[0] += r.getLong(9);
            } else {
                builder.exclude(c, EXCLUSIONS[b], n);
            }
        }
        requests.forEach((c, n) -> {
            if (n[0] > 0) {
                builder.addRequests(c, n[0]);
            }
        });
        return counted;
    }

    private static final Exclusion[] EXCLUSIONS = {null, Exclusion.MISSING_KEY, Exclusion.BAD_TIMESTAMP,
            Exclusion.OUT_OF_PERIOD, Exclusion.DUPLICATE};

    /** Blank as {@link String#isBlank}: null, empty, or only {@link Character#isWhitespace} code points. */
    static Column blank(Column text) {
        return text.isNull().or(text.rlike("\\A\\p{javaWhitespace}*\\z"));
    }

    /** A per-country value: the configured OBs' zones, {@code defaults.timezone} for any other country. */
    private static Column byZone(Column country, BillingConfig config, Function<ZoneId, Column> value) {
        Map<String, List<String>> countriesByZone = new TreeMap<>();
        Map<String, ZoneId> zones = new HashMap<>();
        for (Map.Entry<String, ObSettings> e : config.obs().entrySet()) {
            ZoneId zone = config.zoneOf(e.getKey());
            if (!zone.equals(config.defaults().timezone())) {
                countriesByZone.computeIfAbsent(zone.getId(), z -> new ArrayList<>()).add(e.getKey());
                zones.put(zone.getId(), zone);
            }
        }
        Column result = null;
        for (Map.Entry<String, List<String>> e : countriesByZone.entrySet()) {
            Column test = country.isin(e.getValue().toArray());
            Column v = value.apply(zones.get(e.getKey()));
            result = result == null ? when(test, v) : result.when(test, v);
        }
        Column fallback = value.apply(config.defaults().timezone());
        return result == null ? fallback : result.otherwise(fallback);
    }

    /** One dimension: id to name, the latest snapshot, first row of an id in path then row order wins. */
    private static Dimension dimension(SparkSession spark, Configuration hadoop, SparkSources sources, String dataset,
                                       String keyField, String nameField, UsageAggregate.Builder builder,
                                       SparkReadOptions options) {
        DatasetRef ref = sources.dimension(dataset).orElse(null);
        if (ref == null || !ref.exists(spark)) {
            return Dimension.absent(dataset);
        }
        AuditFrame frame = AuditFrame.load(spark, dataset, ref, null, null, true, null);
        FileLineage.describe(hadoop, dataset, frame.files(), options.lineageThreads()).forEach(builder::addInput);
        if (frame.rows() == null) {
            return Dimension.of(dataset, Map.of());
        }
        // the id is needed; a missing name field reads as the raw id, as in the embedded reader
        List<Row> rows = frame.rows().select(frame.column(keyField, true, dataset), frame.column(nameField, false, dataset),
                        col(AuditFrame.FILE), col(AuditFrame.BLOCK), col(AuditFrame.ROW))
                .collectAsList();
        List<Row> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.<Row>comparingInt(r -> r.getInt(2)).thenComparingLong(r -> r.getLong(3))
                .thenComparingLong(r -> r.getLong(4)));
        Map<String, String> names = new HashMap<>();
        for (Row r : ordered) {
            String key = r.getString(0);
            if (key != null) {
                names.putIfAbsent(key, Objects.toString(r.getString(1), key));
            }
        }
        return Dimension.of(dataset, names);
    }
}
