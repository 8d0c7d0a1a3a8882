package io.aurabilling.dataset;

import io.aurabilling.InputDataException;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The Aura dataset schemas shipped with the module (byte-identical copies of the upstream
 * contract, {@code io/aurabilling/dataset/schema/<Dataset>.avsc} on the classpath), and the
 * projecting reader schemas built from a file's writer schema.
 */
public final class AuraSchemas {
    /** The audit dataset. */
    public static final String AURA_AUDIT = "Aura_Audit";
    /** The fields of {@code Aura_Audit} that billing reads, in projection order. */
    public static final List<String> AUDIT_FIELDS = List.of("INTERACTION_ID", "AURA_TM", "AURA_CHANNEL_ID",
            "AURA_APP_ID", "COUNTRY_3_ALPHA_CD", "AURA_SERVICE_NAME_CD", "AURA_PRESET_NAME", "AURA_COMPONENT_ID");
    /** The {@code Aura_Audit} fields without which a file cannot be billed. */
    public static final Set<String> AUDIT_REQUIRED = Set.of("INTERACTION_ID", "AURA_TM", "COUNTRY_3_ALPHA_CD",
            "AURA_COMPONENT_ID");

    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private AuraSchemas() {
    }

    /**
     * The version lineage records for a file when its source knows none (Kernel does): the writer
     * schema's {@code x-fp-version} ({@link #datasetVersion}), else a {@code version=N} or {@code vN}
     * folder right below the dataset folder, else {@code unknown}. Shared by the embedded and Spark
     * readers.
     *
     * @param schemaVersion the writer schema's {@code x-fp-version}, or {@code null}
     * @param relativePath the file's path below the dataset folder
     * @return the version
     */
    public static String lineageVersion(String schemaVersion, String relativePath) {
        requireNonNull(relativePath, "relativePath is null");
        if (schemaVersion != null && !schemaVersion.isBlank()) {
            return datasetVersion(schemaVersion);
        }
        String folder = DatasetPaths.folderVersion(relativePath);
        return folder != null ? folder : "unknown";
    }

    /**
     * The dataset version a writer schema's {@code x-fp-version} stands for in lineage: its major
     * number ({@code 6.0.0} → {@code 6}), the way Kernel numbers dataset versions and
     * invoice-json.md writes them, so that a file read from disk and the same file read from
     * Kernel give the same invoice. Text that is not a dotted number is kept as written.
     *
     * @param schemaVersion the {@code x-fp-version} property
     * @return the dataset version
     */
    public static String datasetVersion(String schemaVersion) {
        requireNonNull(schemaVersion, "schemaVersion is null");
        String v = schemaVersion.strip();
        int dot = v.indexOf('.');
        if (dot > 0 && v.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
            return v.substring(0, dot);
        }
        return v;
    }

    /**
     * A shipped schema.
     *
     * @param dataset the dataset name, e.g. {@code Aura_Audit} or {@code D_Aura_App}
     * @return its schema
     * @throws IllegalArgumentException when no schema of that name is shipped
     */
    public static Schema of(String dataset) {
        requireNonNull(dataset, "dataset is null");
        return CACHE.computeIfAbsent(dataset, AuraSchemas::load);
    }

    private static Schema load(String dataset) {
        String resource = "schema/" + dataset + ".avsc";
        try (InputStream in = AuraSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no shipped schema for dataset " + dataset);
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped schema " + resource, e);
        }
    }

    /**
     * A reader schema that projects a file's writer schema onto some fields. Fields the writer has
     * keep the writer's type (so an enum stays an enum and a string a string); optional fields it
     * lacks read as {@code null}.
     *
     * @param dataset the dataset, for messages
     * @param file the file's relative path, for messages
     * @param writer the file's writer schema
     * @param fields the fields wanted, in order
     * @param required which of them the file must have
     * @return the reader schema, with the wanted fields at positions 0…n-1
     * @throws InputDataException when the writer lacks a required field
     */
    static Schema projection(String dataset, String file, Schema writer, List<String> fields, Set<String> required) {
        if (writer.getType() != Schema.Type.RECORD) {
            throw new InputDataException(dataset + " file " + file + " has a writer schema of type "
                    + writer.getType() + ", not a record; it is not a " + dataset + " file");
        }
        List<Schema.Field> projected = new ArrayList<>(fields.size());
        for (String name : fields) {
            Schema.Field field = writer.getField(name);
            if (field != null) {
                projected.add(new Schema.Field(name, field.schema()));
            } else if (required.contains(name)) {
                String present = writer.getFields().stream().map(Schema.Field::name)
                        .collect(Collectors.joining(", "));
                throw new InputDataException(dataset + " file " + file + " lacks the field " + name
                        + " that billing needs; the file's writer schema " + writer.getFullName() + " has the fields ["
                        + present + "]. Export " + dataset + " with " + name + " (see the shipped " + dataset
                        + ".avsc)");
            } else {
                Schema nullableString = Schema.createUnion(Schema.create(Schema.Type.NULL),
                        Schema.create(Schema.Type.STRING));
                projected.add(new Schema.Field(name, nullableString, null, JsonProperties.NULL_VALUE));
            }
        }
        return Schema.createRecord(writer.getName(), null, writer.getNamespace(), false, projected);
    }
}
