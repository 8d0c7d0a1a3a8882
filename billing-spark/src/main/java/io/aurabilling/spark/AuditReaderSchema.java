package io.aurabilling.spark;

import io.aurabilling.dataset.AuraSchemas;
import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * The Avro reader schema Spark reads {@code Aura_Audit} files with: only the fields the rules need,
 * each nullable. Spark otherwise takes one file's schema for all files; with a reader schema every
 * file is resolved against it (Avro schema resolution), so a file whose writer allows nulls in a key
 * field reads as nulls ({@code MISSING_KEY}) instead of breaking the non-null assumption of another
 * file's schema, and the other fields are skipped rather than decoded.
 */
final class AuditReaderSchema {
    /** The schema as JSON, for {@code option("avroSchema", …)}. */
    static final String JSON = build().toString();

    private AuditReaderSchema() {
    }

    static Schema build() {
        Schema audit = AuraSchemas.of(AuraSchemas.AURA_AUDIT);
        List<Schema.Field> fields = new ArrayList<>();
        for (String name : AuraSchemas.AUDIT_FIELDS) {
            Schema.Field f = audit.getField(name);
            fields.add(new Schema.Field(name, nullable(f.schema()), f.doc(), Schema.Field.NULL_DEFAULT_VALUE));
        }
        return Schema.createRecord(audit.getName(), audit.getDoc(), audit.getNamespace(), false, fields);
    }

    private static Schema nullable(Schema s) {
        if (s.getType() == Schema.Type.UNION) {
            return s.getTypes().get(0).getType() == Schema.Type.NULL ? s : nullFirst(s.getTypes());
        }
        return Schema.createUnion(Schema.create(Schema.Type.NULL), s);
    }

    private static Schema nullFirst(List<Schema> types) {
        List<Schema> list = new ArrayList<>();
        list.add(Schema.create(Schema.Type.NULL));
        types.stream().filter(t -> t.getType() != Schema.Type.NULL).forEach(list::add);
        return Schema.createUnion(list);
    }
}
