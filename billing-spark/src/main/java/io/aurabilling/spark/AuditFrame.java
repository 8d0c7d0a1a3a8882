package io.aurabilling.spark;

import io.aurabilling.InputDataException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;

/**
 * The rows of one dataset with their position for "earlier": {@code _aura_file} (the file's index in
 * relative-path order), {@code _aura_block} (the byte offset of the split the row was read from) and
 * {@code _aura_row} ({@code monotonically_increasing_id()}, which increases along a split: Spark reads
 * a split front to back in one task). {@code (file, block, row)} therefore orders rows as "files in
 * relative-path order, rows in file order", however Spark splits and schedules the files; the ids
 * themselves differ between runs but their order within a split does not.
 *
 * @param rows the rows with the three position columns; {@code null} when there is nothing to read
 * @param files the files read, in relative-path order (their index is {@code _aura_file}); empty when unknown
 * @param pruned files skipped by their {@code DAY_DT} folder
 */
record AuditFrame(Dataset<Row> rows, List<FileLineage.Entry> files, long pruned) {
    static final String FILE = "_aura_file";
    static final String BLOCK = "_aura_block";
    static final String ROW = "_aura_row";
    /**
     * {@code file:///x} and {@code file:/x} name the same file (an empty authority); Spark reports one form in
     * {@code inputFiles()} and the other in {@code _metadata.file_path}, so both sides are brought to the short one.
     */
    static final String EMPTY_AUTHORITY = "^([A-Za-z][A-Za-z0-9+.\\-]*):///";

    /**
     * Loads a dataset reference.
     *
     * @param spark the session
     * @param dataset the dataset name (for messages and relative paths)
     * @param ref where it is
     * @param first the first folder day kept, or {@code null} to keep every file
     * @param last the last folder day kept
     * @param latestSnapshotOnly keep only the files of the latest {@code DAY_DT} folder (dimensions)
     * @param readerSchema the Avro reader schema for paths (JSON), or {@code null} for each file's own
     * @return the frame
     */
    static AuditFrame load(SparkSession spark, String dataset, DatasetRef ref, LocalDate first, LocalDate last,
                           boolean latestSnapshotOnly, String readerSchema) {
        Dataset<Row> raw;
        List<FileLineage.Entry> all;
        switch (ref.kind()) {
            case PATH -> {
                if (!HadoopFiles.exists(spark, ref.name())) {
                    throw new InputDataException("no " + dataset + " dataset at " + ref.name()
                            + "; point the sources at the folder holding " + dataset + "/");
                }
                String root = HadoopFiles.decodedPath(HadoopFiles.qualified(spark, ref.name()));
                all = new ArrayList<>();
                for (String uri : HadoopFiles.avroFiles(spark, ref.name())) {
                    all.add(new FileLineage.Entry(uri, relative(root, HadoopFiles.decodedPath(uri))));
                }
                raw = null;
            }
            case TABLE -> {
                if (!spark.catalog().tableExists(ref.name())) {
                    throw new InputDataException("no table " + ref.name() + " for " + dataset
                            + "; check the name (catalog.schema.table) and the cluster's grants");
                }
                raw = spark.table(ref.name());
                all = entries(raw.inputFiles());
            }
            default -> {
                raw = ref.frame();
                all = hasFileMetadata(raw) ? entries(raw.inputFiles()) : List.of();
            }
        }
        List<FileLineage.Entry> kept = new ArrayList<>();
        long pruned = 0;
        for (FileLineage.Entry e : all) {
            LocalDate day = folderDay(e.relativePath());
            if (first != null && day != null && (day.isBefore(first) || day.isAfter(last))) {
                pruned++;
            } else {
                kept.add(e);
            }
        }
        if (latestSnapshotOnly) {
            kept = latestSnapshot(kept);
        }
        kept.sort(Comparator.comparing(FileLineage.Entry::relativePath));
        if (kept.isEmpty() && first != null && io.aurabilling.dataset.AuraSchemas.AURA_AUDIT.equals(dataset)
                && ref.kind() != DatasetRef.Kind.FRAME) {
            // as the embedded reader: billing a month from no data would store a write-once zero invoice
            throw new InputDataException("no " + dataset + " files for the month in " + ref.name()
                    + (pruned > 0 ? ": all " + pruned + " files are in DAY_DT folders outside " + first + " to " + last
                    : ": no .avro files") + "; check that the month's data is published there and that the period "
                    + "is right");
        }
        if (ref.kind() == DatasetRef.Kind.PATH) {
            if (kept.isEmpty()) {
                return new AuditFrame(null, kept, pruned);
            }
            org.apache.spark.sql.DataFrameReader reader = spark.read().format("avro");
            if (readerSchema != null) {
                reader = reader.option("avroSchema", readerSchema);
            }
            raw = reader.load(kept.stream().map(FileLineage.Entry::uri).toArray(String[]::new));
        }
        if (all.isEmpty() && ref.kind() == DatasetRef.Kind.FRAME) {
            // no file behind the rows: the dataset's own order is "earlier"
            Dataset<Row> rows = raw.select(col("*"), lit(0).as(FILE), lit(0L).as(BLOCK),
                    monotonically_increasing_id().as(ROW));
            return new AuditFrame(rows, List.of(), 0);
        }
        if (kept.isEmpty()) {
            return new AuditFrame(null, kept, pruned);
        }
        Dataset<Row> positioned = raw.select(col("*"), org.apache.spark.sql.functions.regexp_replace(col("_metadata.file_path"), EMPTY_AUTHORITY, "$1:/").as("_aura_path"),
                col("_metadata.file_block_start").as(BLOCK), monotonically_increasing_id().as(ROW));
        // the index is keyed by the strings Spark itself reports (inputFiles() and _metadata.file_path come from
        // the same file index), matched to the listed files by their decoded path
        java.util.Map<String, Integer> byPath = new java.util.HashMap<>();
        for (int i = 0; i < kept.size(); i++) {
            byPath.put(HadoopFiles.decodedPath(kept.get(i).uri()), i);
        }
        List<Row> index = new ArrayList<>(kept.size());
        for (String reported : raw.inputFiles()) {
            Integer i = byPath.get(HadoopFiles.decodedPath(reported));
            if (i != null) {
                index.add(RowFactory.create(reported.replaceFirst(EMPTY_AUTHORITY, "$1:/"), i));
            }
        }
        StructType schema = new StructType()
                .add("_aura_index_path", DataTypes.StringType, false)
                .add(FILE, DataTypes.IntegerType, false);
        Dataset<Row> files = spark.createDataFrame(index, schema);
        // inner join: rows of pruned files drop out (their files are still listed by the table)
        Dataset<Row> rows = positioned.join(broadcast(files), col("_aura_path").equalTo(col("_aura_index_path")))
                .drop("_aura_path", "_aura_index_path");
        return new AuditFrame(rows, kept, pruned);
    }

    /** Whether a frame's rows know their file ({@code _metadata} resolves). */
    static boolean hasFileMetadata(Dataset<Row> frame) {
        try {
            frame.select(col("_metadata.file_path"), col("_metadata.file_block_start")).schema();
            return true;
        } catch (Exception e) {
            // AnalysisException (checked in Java's eyes): the rows do not come straight from files
            return false;
        }
    }

    /** File URIs with paths relative to their longest common folder. */
    private static List<FileLineage.Entry> entries(String[] uris) {
        List<String> sorted = new ArrayList<>(Arrays.asList(uris));
        if (sorted.isEmpty()) {
            return new ArrayList<>();
        }
        List<String> paths = sorted.stream().map(HadoopFiles::decodedPath).toList();
        String common = paths.get(0).substring(0, paths.get(0).lastIndexOf('/') + 1);
        for (String p : paths) {
            while (!p.startsWith(common)) {
                common = common.substring(0, common.lastIndexOf('/', common.length() - 2) + 1);
            }
        }
        List<FileLineage.Entry> result = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            result.add(new FileLineage.Entry(sorted.get(i), paths.get(i).substring(common.length())));
        }
        return result;
    }

    private static String relative(String root, String path) {
        String base = root.endsWith("/") ? root : root + "/";
        if (path.equals(root)) {
            return path.substring(path.lastIndexOf('/') + 1);
        }
        if (!path.startsWith(base)) {
            throw new IllegalStateException("file " + path + " is not below " + root);
        }
        return path.substring(base.length());
    }

    /** The embedded reader's rule: the day of the innermost {@code DAY_DT=YYYY-MM-DD} folder, or null. */
    static LocalDate folderDay(String relativePath) {
        String[] parts = relativePath.split("/");
        for (int i = parts.length - 2; i >= 0; i--) {
            String part = parts[i];
            if (part.startsWith("DAY_DT=") && part.length() == "DAY_DT=".length() + 10) {
                try {
                    return LocalDate.parse(part.substring("DAY_DT=".length()));
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The embedded reader's dimension rule: the files of the latest {@code DAY_DT} folder, else every file. */
    static List<FileLineage.Entry> latestSnapshot(List<FileLineage.Entry> files) {
        LocalDate latest = null;
        for (FileLineage.Entry e : files) {
            LocalDate day = folderDay(e.relativePath());
            if (day != null && (latest == null || day.isAfter(latest))) {
                latest = day;
            }
        }
        if (latest == null) {
            return new ArrayList<>(files);
        }
        List<FileLineage.Entry> kept = new ArrayList<>();
        for (FileLineage.Entry e : files) {
            if (latest.equals(folderDay(e.relativePath()))) {
                kept.add(e);
            }
        }
        return kept;
    }

    /**
     * A column of the rows, cast to string, or a null string when the dataset has no such column.
     *
     * @param name the column
     * @param required whether a missing column is an error
     * @param dataset for the message
     * @return the column
     */
    Column column(String name, boolean required, String dataset) {
        if (Arrays.asList(rows.columns()).contains(name)) {
            return col(name).cast("string");
        }
        if (required) {
            throw new InputDataException(dataset + " has no column " + name + " (columns: "
                    + String.join(", ", rows.columns()) + "); point the sources at " + dataset + " data");
        }
        return lit(null).cast("string");
    }
}
