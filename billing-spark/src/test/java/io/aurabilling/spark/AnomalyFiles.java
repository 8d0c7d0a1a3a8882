package io.aurabilling.spark;

import io.aurabilling.dataset.AuraSchemas;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written {@code Aura_Audit} files with every rule's edge: blank keys, each timestamp shape,
 * zone-dependent period edges, duplicates across files, within a file and across countries.
 */
final class AnomalyFiles {
    private AnomalyFiles() {
    }

    /** One row: interaction, timestamp, channel, app, country, service, preset, component. */
    record AuditRow(String iid, String tm, String channel, String app, String country, String service, String preset,
                    String component) {
    }

    static AuditRow row(String iid, String tm, String country, String component, String app) {
        return new AuditRow(iid, tm, "web", app, country, "message", null, component);
    }

    static void write(Path file, List<AuditRow> rows) {
        // the shipped schema with every field nullable, as an older or looser writer might have it
        Schema shipped = AuraSchemas.of("Aura_Audit");
        List<Schema.Field> fields = new ArrayList<>();
        for (Schema.Field f : shipped.getFields()) {
            Schema type = f.schema().getType() == Schema.Type.UNION ? f.schema()
                    : Schema.createUnion(Schema.create(Schema.Type.NULL), f.schema());
            fields.add(new Schema.Field(f.name(), type, f.doc(), Schema.Field.NULL_DEFAULT_VALUE));
        }
        Schema schema = Schema.createRecord(shipped.getName(), shipped.getDoc(), shipped.getNamespace(), false, fields);
        shipped.getObjectProps().forEach(schema::addProp);
        try {
            Files.createDirectories(file.getParent());
            try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
                writer.setSyncInterval(1024);
                writer.create(schema, file.toFile());
                for (AuditRow r : rows) {
                    GenericData.Record rec = new GenericData.Record(schema);
                    rec.put("INTERACTION_ID", r.iid());
                    rec.put("AURA_TM", r.tm());
                    rec.put("AURA_CHANNEL_ID", r.channel());
                    rec.put("AURA_APP_ID", r.app());
                    rec.put("COUNTRY_3_ALPHA_CD", r.country());
                    rec.put("AURA_SERVICE_NAME_CD", new GenericData.EnumSymbol(
                            shipped.getField("AURA_SERVICE_NAME_CD").schema(), r.service()));
                    rec.put("AURA_PRESET_NAME", r.preset());
                    rec.put("AURA_COMPONENT_ID", r.component());
                    rec.put("DAY_DT", null);
                    writer.append(rec);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the anomaly files below {@code <datasets>/Aura_Audit/DAY_DT=2026-10-15/}: {@code a-early.avro}
     * (sorts before the generator's {@code part-*} files) and {@code zz-late.avro} (after them), plus a
     * file in a folder far outside the month that must be pruned.
     */
    /** A dimension file in its shipped schema: id and name pairs. */
    static void writeDimension(Path file, String dataset, String keyField, String nameField, String... keysAndNames) {
        Schema schema = AuraSchemas.of(dataset);
        try {
            Files.createDirectories(file.getParent());
            try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
                writer.create(schema, file.toFile());
                for (int i = 0; i < keysAndNames.length; i += 2) {
                    GenericData.Record rec = new GenericData.Record(schema);
                    rec.put(keyField, keysAndNames[i]);
                    rec.put(nameField, keysAndNames[i + 1]);
                    writer.append(rec);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeAll(Path datasets) {
        // two of the dimensions no invoice uses, loaded by both readers when present (one with two snapshots)
        writeDimension(datasets.resolve("D_Gbl_Brand/part-0.avro"), "D_Gbl_Brand", "BRAND_ID", "BRAND_NAME",
                "mv", "Movistar", "o2", "O2");
        writeDimension(datasets.resolve("D_Aura_Skill/DAY_DT=2026-10-01/part-0.avro"), "D_Aura_Skill", "AURA_SKILL_ID",
                "AURA_SKILL_NAME", "s1", "Old");
        writeDimension(datasets.resolve("D_Aura_Skill/DAY_DT=2026-10-20/part-0.avro"), "D_Aura_Skill", "AURA_SKILL_ID",
                "AURA_SKILL_NAME", "s1", "Billing help", "s2", "Roaming");
        Path day = datasets.resolve("Aura_Audit/DAY_DT=2026-10-15");
        List<AuditRow> early = new ArrayList<>();
        // the first copy of a key: billed under app-early, the copy in zz-late is a DUPLICATE
        early.add(row("dup-across-files", "2026-10-15T10:00:00Z", "ESP", "aura-groot", "app-early"));
        // same interaction in two countries: one request in each
        early.add(row("two-countries", "2026-10-15T10:00:00Z", "ESP", "aura-groot", "app-early"));
        early.add(row("two-countries", "2026-10-15T10:00:01Z", "BRA", "aura-bridge", "app-early"));
        // cross-country duplicate of (two-countries, aura-groot): DUPLICATE under BRA
        early.add(row("two-countries", "2026-10-15T10:00:02Z", "BRA", "aura-groot", "app-early"));
        AnomalyFiles.write(day.resolve("a-early.avro"), early);

        List<AuditRow> late = new ArrayList<>();
        late.add(row("dup-across-files", "2026-10-15T11:00:00Z", "ESP", "aura-groot", "app-late"));
        for (int i = 0; i < 3; i++) {
            late.add(row("dup-in-file", "2026-10-16 08:00:00.25+02:00", "DEU", "aura-gpt", "app-" + i));
        }
        // MISSING_KEY: null/blank ids and countries (Unicode white space too); U+00A0 is not white space
        late.add(row(null, "2026-10-15T10:00:00Z", "ESP", "aura-groot", null));
        late.add(row(" ", "2026-10-15T10:00:00Z", "ESP", "aura-groot", null));
        late.add(row("k1", "2026-10-15T10:00:00Z", "\u2003", "aura-groot", null));
        late.add(row("k2", "2026-10-15T10:00:00Z", "", "aura-groot", null));
        late.add(row("k3", "2026-10-15T10:00:00Z", "ESP", "\t", null));
        late.add(row("\u00a0", "2026-10-15T10:00:00Z", "ESP", "aura-groot", null));
        // BAD_TIMESTAMP shapes
        for (String bad : List.of("2026-10-15t10:00:00Z", "2026-10-15T24:00:00Z", "2026-02-29T00:00:00Z",
                " 2026-10-15T10:00:00Z", "2026-10-15T10:00:00Z\n", "2026-10-15T10:00:00+18:01",
                "2026-10-15T10:00:00.1234567890Z", "2026-10-15T10:00Z")) {
            late.add(row("bad-" + bad.strip(), bad, "COL", "aura-groot", null));
        }
        late.add(row("bad-null", null, "COL", "aura-groot", null));
        // period edges in the country's zone: 2026-11-01T01:00Z is 31 Oct 22:00 in Sao Paulo (in), 1 Nov 02:00 in Madrid (out)
        late.add(row("edge-bra", "2026-11-01T01:00:00Z", "BRA", "aura-groot", "app-edge"));
        late.add(row("edge-esp", "2026-11-01T01:00:00Z", "ESP", "aura-groot", "app-edge"));
        // 30 Sep 23:30 Madrid is out; 1 Oct 00:30 Madrid (22:30Z) is in, on the local day 1 October
        late.add(row("edge-esp-2", "2026-09-30T21:30:00Z", "ESP", "aura-groot", "app-edge"));
        late.add(row("edge-esp-3", "2026-09-30T22:30:00Z", "ESP", "aura-groot", "app-edge"));
        // countries without an obs entry (zone: defaults) and exact comparison (bra is not BRA)
        late.add(row("other-1", "2026-10-20T10:00:00", "XXX", "aura-groot", null));
        late.add(row("other-2", "2026-10-20T10:00:00", "bra", "aura-groot", null));
        // an unknown service symbol is not possible with the enum; a null preset and channel are
        late.add(new AuditRow("ai-1", "2026-10-21T10:00:00Z", null, "app-late", "BRA", "ai", "gpt-4o", "aura-gpt"));
        AnomalyFiles.write(day.resolve("zz-late.avro"), late);

        // pruned: its folder is far outside the month, so its rows are neither read nor counted
        AnomalyFiles.write(datasets.resolve("Aura_Audit/DAY_DT=2026-08-01/part-00000.avro"),
                List.of(row("pruned", "2026-10-15T10:00:00Z", "ESP", "aura-groot", null)));
    }
}
