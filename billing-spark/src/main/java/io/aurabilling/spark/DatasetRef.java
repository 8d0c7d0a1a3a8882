package io.aurabilling.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import static java.util.Objects.requireNonNull;

/**
 * Where Spark finds one Aura dataset: a table (Unity Catalog or Hive), a path of Avro files, or a
 * {@code Dataset<Row>} the caller already has.
 *
 * <p>"Earlier" for duplicates needs each row's file and position: tables and paths give them
 * through Spark's {@code _metadata} column; a {@code Dataset<Row>} gives them when it is a plain file
 * or table read (possibly filtered), otherwise the dataset's own row order is used and lineage
 * lists no files.
 *
 * @param kind what {@code name} means
 * @param name the table name or the path; {@code null} for a frame
 * @param frame the rows for {@link Kind#FRAME}, else {@code null}
 */
public record DatasetRef(Kind kind, String name, Dataset<Row> frame) {

    /** The kinds of reference. */
    public enum Kind {
        /** A table name, read with {@code spark.table(name)}. */
        TABLE,
        /** A folder or file of Avro files, read with {@code format("avro")}. */
        PATH,
        /** A {@code Dataset<Row>} given by the caller. */
        FRAME
    }

    /** Validates the components. */
    public DatasetRef {
        requireNonNull(kind, "kind is null");
        if (kind == Kind.FRAME) {
            requireNonNull(frame, "frame is null");
        } else {
            requireNonNull(name, "name is null");
            if (name.isBlank()) {
                throw new IllegalArgumentException("a " + kind + " reference needs a non-blank name");
            }
        }
    }

    /**
     * A table.
     *
     * @param tableName e.g. {@code main.aura.Aura_Audit}
     * @return the reference
     */
    public static DatasetRef table(String tableName) {
        return new DatasetRef(Kind.TABLE, tableName, null);
    }

    /**
     * A folder of Avro files ({@code **}{@code /*.avro} below it), e.g. {@code abfss://…/datasets/Aura_Audit}.
     *
     * @param path the folder
     * @return the reference
     */
    public static DatasetRef path(String path) {
        return new DatasetRef(Kind.PATH, path, null);
    }

    /**
     * Rows the caller already has.
     *
     * @param rows the rows, with the dataset's column names
     * @return the reference
     */
    public static DatasetRef frame(Dataset<Row> rows) {
        return new DatasetRef(Kind.FRAME, null, rows);
    }

    /**
     * Whether the dataset is there.
     *
     * @param spark the session
     * @return true for frames, existing tables and existing paths
     */
    boolean exists(SparkSession spark) {
        return switch (kind) {
            case FRAME -> true;
            case TABLE -> spark.catalog().tableExists(name);
            case PATH -> HadoopFiles.exists(spark, name);
        };
    }

    @Override
    public String toString() {
        return kind == Kind.FRAME ? "a Dataset<Row>" : kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name;
    }
}
