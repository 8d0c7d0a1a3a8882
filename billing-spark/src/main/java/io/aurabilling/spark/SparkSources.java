package io.aurabilling.spark;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Where the {@code Aura_Audit} dataset and the dimensions are for a Spark run.
 *
 * <pre>{@code
 * SparkSources.folder("abfss://aura@lake.dfs.core.windows.net/datasets")   // <root>/Aura_Audit, <root>/D_Aura_App, …
 * SparkSources.tables("main.aura")                                         // main.aura.Aura_Audit, main.aura.D_Aura_App, …
 * SparkSources.of(DatasetRef.frame(audit)).withDimension("D_Aura_App", DatasetRef.table("main.dims.apps"))
 * }</pre>
 *
 * @param audit the {@code Aura_Audit} rows
 * @param dimensions dimension dataset name ({@link #DIMENSIONS}: {@code D_Aura_Component}, {@code D_Aura_App},
 *                   {@code D_Aura_Channel}, {@code D_Aura_Preset}, {@code D_Gbl_Country}, and {@code D_Aura_Recognizer},
 *                   {@code D_Aura_Skill}, {@code D_Gbl_Brand}, {@code D_Gbl_Contact_Channel}) to its reference; a
 *                   missing one is absent
 */
public record SparkSources(DatasetRef audit, Map<String, DatasetRef> dimensions) {
    /** The dimension datasets: those the invoices use, then the others, read when present. */
    public static final java.util.List<String> DIMENSIONS = java.util.stream.Stream.concat(
                    io.aurabilling.dataset.AuraDimensions.INVOICED.stream(), io.aurabilling.dataset.AuraDimensions.OTHERS.stream())
            .map(io.aurabilling.dataset.AuraDimensions.Fields::dataset).toList();

    /** Validates and copies the components. */
    public SparkSources {
        requireNonNull(audit, "audit is null");
        dimensions = java.util.Collections.unmodifiableMap(new TreeMap<>(requireNonNull(dimensions, "dimensions is null")));
        for (String name : dimensions.keySet()) {
            if (!DIMENSIONS.contains(name)) {
                throw new IllegalArgumentException("unknown dimension dataset " + name + "; use one of " + DIMENSIONS);
            }
        }
    }

    /**
     * The local layout of cli.md below a root folder (any Hadoop file system URI).
     *
     * @param root the folder holding {@code Aura_Audit/} and the {@code D_*} folders
     * @return the sources
     */
    public static SparkSources folder(String root) {
        String base = requireNonNull(root, "root is null").endsWith("/") ? root : root + "/";
        Map<String, DatasetRef> dims = new TreeMap<>();
        DIMENSIONS.forEach(d -> dims.put(d, DatasetRef.path(base + d)));
        return new SparkSources(DatasetRef.path(base + "Aura_Audit"), dims);
    }

    /**
     * Tables named like the datasets in one schema.
     *
     * @param schema e.g. {@code main.aura} (catalog.schema) or {@code aura} (Hive database)
     * @return the sources
     */
    public static SparkSources tables(String schema) {
        requireNonNull(schema, "schema is null");
        Map<String, DatasetRef> dims = new TreeMap<>();
        DIMENSIONS.forEach(d -> dims.put(d, DatasetRef.table(schema + "." + d)));
        return new SparkSources(DatasetRef.table(schema + ".Aura_Audit"), dims);
    }

    /**
     * Only the audit rows (every dimension absent: names are raw ids).
     *
     * @param audit the {@code Aura_Audit} reference
     * @return the sources
     */
    public static SparkSources of(DatasetRef audit) {
        return new SparkSources(audit, Map.of());
    }

    /**
     * A copy with one dimension set.
     *
     * @param dataset the dimension dataset name
     * @param ref where it is
     * @return the new sources
     */
    public SparkSources withDimension(String dataset, DatasetRef ref) {
        Map<String, DatasetRef> dims = new TreeMap<>(dimensions);
        dims.put(requireNonNull(dataset, "dataset is null"), requireNonNull(ref, "ref is null"));
        return new SparkSources(audit, dims);
    }

    /**
     * @param dataset a dimension dataset name
     * @return its reference, if any
     */
    public Optional<DatasetRef> dimension(String dataset) {
        return Optional.ofNullable(dimensions.get(dataset));
    }
}
