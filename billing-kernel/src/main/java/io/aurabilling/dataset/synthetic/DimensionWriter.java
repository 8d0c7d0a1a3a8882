package io.aurabilling.dataset.synthetic;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * Writes the dimension datasets ({@code <out>/D_.../part-0.avro}) with the names shown on
 * invoices. They are small, so plain {@link GenericRecord}s are fine here.
 */
final class DimensionWriter {
    private final GeneratorOptions options;
    private final MonthPlan plan;
    private final String snapshotDay;

    /**
     * Prepares the dimensions of a plan.
     *
     * @param options the options
     * @param plan the month plan
     */
    DimensionWriter(GeneratorOptions options, MonthPlan plan) {
        this.options = options;
        this.plan = plan;
        this.snapshotDay = options.period().atDay(1).toString();
    }

    /**
     * Writes every dimension.
     *
     * @return the files written
     * @throws IOException when a file cannot be written
     */
    List<GeneratedFile> write() throws IOException {
        List<GeneratedFile> files = new ArrayList<>();
        List<String[]> apps = new ArrayList<>();
        for (SyntheticCatalog.ObProfile ob : plan.obs) {
            for (SyntheticCatalog.Entry app : SyntheticCatalog.apps(ob)) {
                apps.add(new String[] {app.id(), app.name(), "Aura app of " + ob.name(), ob.code()});
            }
        }
        files.add(write("D_Aura_App", "AURA_APP_ID", "AURA_APP_NAME", "AURA_APP_DESC", apps));
        files.add(write("D_Aura_Component", "AURA_COMPONENT_ID", "AURA_COMPONENT_NAME", "AURA_COMPONENT_DESC",
                global(SyntheticCatalog.COMPONENTS)));
        files.add(write("D_Aura_Channel", "AURA_CHANNEL_ID", "AURA_CHANNEL_NAME", "AURA_CHANNEL_DESC",
                global(SyntheticCatalog.CHANNELS)));
        files.add(write("D_Aura_Preset", "AURA_PRESET_NAME", "AURA_PRESET_DISPLAY_NAME", "AURA_PRESET_DESC",
                global(SyntheticCatalog.PRESETS)));
        files.add(writeCountries());
        return files;
    }

    private static List<String[]> global(List<SyntheticCatalog.Entry> entries) {
        List<String[]> rows = new ArrayList<>();
        for (SyntheticCatalog.Entry e : entries) {
            rows.add(new String[] {e.id(), e.name(), null, null});
        }
        return rows;
    }

    private GeneratedFile write(String dataset, String idField, String nameField, String descField, List<String[]> rows)
            throws IOException {
        Schema schema = AvroOutput.schema(dataset);
        List<GenericRecord> records = new ArrayList<>();
        for (String[] r : rows) {
            GenericData.Record rec = new GenericData.Record(schema);
            rec.put(idField, r[0]);
            rec.put(nameField, r[1]);
            rec.put(descField, r[2]);
            rec.put("COUNTRY_3_ALPHA_CD", r[3]);
            rec.put("DAY_DT", snapshotDay);
            records.add(rec);
        }
        return writeFile(dataset, schema, records);
    }

    private GeneratedFile writeCountries() throws IOException {
        Schema schema = AvroOutput.schema("D_Gbl_Country");
        // every built-in OB's country, plus any other code generated, sorted by code
        Map<String, SyntheticCatalog.ObProfile> countries = new TreeMap<>();
        for (String code : SyntheticCatalog.DEFAULT_OBS) {
            countries.put(code, SyntheticCatalog.ob(code));
        }
        for (SyntheticCatalog.ObProfile ob : plan.obs) {
            countries.put(ob.code(), ob);
        }
        List<GenericRecord> records = new ArrayList<>();
        for (SyntheticCatalog.ObProfile ob : countries.values()) {
            GenericData.Record rec = new GenericData.Record(schema);
            rec.put("COUNTRY_3_ALPHA_CD", ob.code());
            rec.put("COUNTRY_2_ALPHA_CD", ob.alpha2());
            rec.put("COUNTRY_NAME", ob.countryName());
            rec.put("DAY_DT", snapshotDay);
            records.add(rec);
        }
        return writeFile("D_Gbl_Country", schema, records);
    }

    private GeneratedFile writeFile(String dataset, Schema schema, List<GenericRecord> records) throws IOException {
        String relative = dataset + "/part-0.avro";
        Path file = options.outDir().resolve(relative);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file);
             DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))) {
            writer.setCodec(AvroOutput.codec(options.codec()));
            writer.create(schema, out, AvroOutput.syncMarker(options.seed(), relative));
            for (GenericRecord r : records) {
                writer.append(r);
            }
        }
        return new GeneratedFile(relative, records.size());
    }
}
