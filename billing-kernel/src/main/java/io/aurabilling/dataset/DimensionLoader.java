package io.aurabilling.dataset;

import io.aurabilling.InputDataException;
import io.aurabilling.usage.Dimension;
import io.aurabilling.usage.Dimensions;
import io.aurabilling.usage.UsageAggregate;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Loads the dimension datasets into {@link Dimensions}: id to display name, those invoices use
 * (absent ones as absent) and the others when present ({@link AuraDimensions}). When a dataset has
 * several snapshots ({@code DAY_DT=} folders), only the files of the latest one are read. Within
 * the files read, the first row of an id in path order wins. Every file read goes into lineage.
 */
final class DimensionLoader {
    private final DatasetSource source;
    private final UsageAggregate.Builder lineage;
    private final List<SkippedFile> skipped;
    private final boolean skipBadFiles;

    DimensionLoader(DatasetSource source, UsageAggregate.Builder lineage, List<SkippedFile> skipped,
                    boolean skipBadFiles) {
        this.source = source;
        this.lineage = lineage;
        this.skipped = skipped;
        this.skipBadFiles = skipBadFiles;
    }

    Dimensions load() {
        return AuraDimensions.load(f -> dimension(f.dataset(), f.keyField(), f.nameField()));
    }

    private Dimension dimension(String dataset, String keyField, String nameField) {
        if (!source.exists(dataset)) {
            return Dimension.absent(dataset);
        }
        List<DatasetSource.DatasetFile> files = latestSnapshot(source.files(dataset));
        Map<String, String> names = new HashMap<>();
        for (DatasetSource.DatasetFile file : files) {
            try {
                read(dataset, file, keyField, nameField, names);
            } catch (InputDataException e) {
                if (!skipBadFiles) {
                    throw e;
                }
                skipped.add(new SkippedFile(dataset, file.relativePath(), e.getMessage()));
            }
        }
        return Dimension.of(dataset, names);
    }

    /** The files of the latest {@code DAY_DT} folder when there is one, else every file. */
    static List<DatasetSource.DatasetFile> latestSnapshot(List<DatasetSource.DatasetFile> files) {
        LocalDate latest = null;
        for (DatasetSource.DatasetFile file : files) {
            LocalDate day = DatasetPaths.folderDay(file.relativePath());
            if (day != null && (latest == null || day.isAfter(latest))) {
                latest = day;
            }
        }
        if (latest == null) {
            return files;
        }
        List<DatasetSource.DatasetFile> kept = new ArrayList<>();
        for (DatasetSource.DatasetFile file : files) {
            if (latest.equals(DatasetPaths.folderDay(file.relativePath()))) {
                kept.add(file);
            }
        }
        return kept;
    }

    private void read(String dataset, DatasetSource.DatasetFile file, String keyField, String nameField,
                      Map<String, String> names) {
        // read the whole file before keeping anything, so a skipped bad file adds no names
        Map<String, String> fileNames = new HashMap<>();
        try (AvroFileReader reader = AvroFileReader.open(dataset, file)) {
            Schema writer = reader.writerSchema();
            // the id is needed; a missing name field (the names are ASSUMED in the schemas) reads as the raw id
            Schema projection = AuraSchemas.projection(dataset, file.relativePath(), writer,
                    List.of(keyField, nameField), Set.of(keyField));
            GenericDatumReader<GenericData.Record> datumReader = new GenericDatumReader<>(writer, projection);
            GenericData.Record record = null;
            long rows = 0;
            while (reader.nextBlock()) {
                for (long r = reader.blockRows(); r > 0; r--) {
                    try {
                        record = datumReader.read(record, reader.decoder());
                    } catch (IOException | RuntimeException e) {
                        throw reader.corrupt(e);
                    }
                    rows++;
                    Object key = record.get(0);
                    if (key != null) {
                        Object name = record.get(1);
                        fileNames.putIfAbsent(key.toString(), Objects.toString(name, key.toString()));
                    }
                }
                reader.endOfBlock(reader.decoder());
            }
            lineage.addInput(reader.finish(rows));
        }
        fileNames.forEach(names::putIfAbsent);
    }
}
