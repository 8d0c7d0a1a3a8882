package io.aurabilling.dataset.synthetic;

import java.io.IOException;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.Encoder;
import org.apache.avro.util.Utf8;

/**
 * Encodes an {@link AuditRow} straight into Avro binary in the field order of the
 * {@code Aura_Audit} writer schema, skipping {@code GenericRecord} and its per-field
 * resolution (the generator must write millions of rows per second). The schema is
 * checked once, so a changed schema fails loudly instead of writing garbage.
 */
final class AuditRowDatumWriter implements DatumWriter<AuditRow> {
    private static final List<String> FIELDS = List.of("INTERACTION_ID", "AURA_TM", "AURA_CHANNEL_ID", "AURA_APP_ID",
            "COUNTRY_3_ALPHA_CD", "AURA_SERVICE_NAME_CD", "AURA_PRESET_NAME", "AURA_COMPONENT_ID", "DAY_DT");
    private static final List<String> SERVICES = List.of("message", "nlpaas", "ai", "other");

    /**
     * Creates the writer for the given schema.
     *
     * @param schema the {@code Aura_Audit} writer schema
     */
    AuditRowDatumWriter(Schema schema) {
        setSchema(schema);
    }

    @Override
    public void setSchema(Schema schema) {
        List<Schema.Field> fields = schema.getFields();
        if (fields.size() != FIELDS.size()) {
            throw new IllegalStateException("Aura_Audit schema has fields " + fields + "; the generator writes " + FIELDS);
        }
        for (int i = 0; i < FIELDS.size(); i++) {
            Schema.Field f = fields.get(i);
            if (!f.name().equals(FIELDS.get(i))) {
                throw new IllegalStateException("Aura_Audit field " + i + " is " + f.name() + "; the generator expects "
                        + FIELDS.get(i) + " (update AuditRowDatumWriter with the schema)");
            }
            boolean nullable = f.schema().getType() == Schema.Type.UNION;
            boolean expectNullable = i == 2 || i == 3 || i == 6 || i == 8;
            if (nullable != expectNullable || nullable && f.schema().getTypes().get(0).getType() != Schema.Type.NULL) {
                throw new IllegalStateException("Aura_Audit field " + f.name() + " has type " + f.schema()
                        + "; the generator expects " + (expectNullable ? "[\"null\", \"string\"]" : "a plain type"));
            }
        }
        if (!fields.get(5).schema().getEnumSymbols().equals(SERVICES)) {
            throw new IllegalStateException("AURA_SERVICE_NAME_CD symbols are " + fields.get(5).schema().getEnumSymbols()
                    + "; the generator expects " + SERVICES);
        }
    }

    @Override
    public void write(AuditRow row, Encoder out) throws IOException {
        out.writeString(row.interactionId);
        out.writeString(row.auraTm);
        writeNullable(row.channel, out);
        writeNullable(row.app, out);
        out.writeString(row.country);
        out.writeEnum(row.service);
        writeNullable(row.preset, out);
        out.writeString(row.component);
        writeNullable(row.dayDt, out);
    }

    private static void writeNullable(Utf8 value, Encoder out) throws IOException {
        if (value == null) {
            out.writeIndex(0);
            out.writeNull();
        } else {
            out.writeIndex(1);
            out.writeString(value);
        }
    }
}
