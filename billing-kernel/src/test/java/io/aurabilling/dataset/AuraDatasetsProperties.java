package io.aurabilling.dataset;

import org.apache.avro.Schema;

import io.aurabilling.usage.Exclusion;
import io.aurabilling.usage.UsageAggregate;
import io.aurabilling.usage.UsageKey;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Properties of the reader over small generated months (a few dozen rows, written to in-memory
 * files, so 1000 tries stay fast): the aggregate equals a naive sequential model of the rules, and
 * does not change when rows are split over files, files are listed in another order, or the thread
 * count changes. Generated in-period timestamps lie on two adjacent UTC days, where the reader's
 * dedupe is exact.
 */
class AuraDatasetsProperties {
    /** Timestamp texts and their instants (null: invalid), written by hand. */
    static final Map<String, Instant> TIMES = Map.of(
            "2026-10-01T12:00:00Z", Instant.parse("2026-10-01T12:00:00Z"),
            "2026-10-01T23:59:59.999Z", Instant.parse("2026-10-01T23:59:59.999Z"),
            "2026-10-02T00:00:00Z", Instant.parse("2026-10-02T00:00:00Z"),
            "2026-10-02 01:30:00", Instant.parse("2026-10-02T01:30:00Z"),
            "2026-10-01T09:00:00-03:00", Instant.parse("2026-10-01T12:00:00Z"),
            "2026-10-01T01:00:00Z", Instant.parse("2026-10-01T01:00:00Z"),   // ESP in, BRA out
            "2026-09-15T10:00:00Z", Instant.parse("2026-09-15T10:00:00Z"),   // out for all
            "2026-10-01T24:00:00Z", Instant.EPOCH,                            // invalid (marker below)
            "not a time", Instant.EPOCH);
    static final Set<String> INVALID = Set.of("2026-10-01T24:00:00Z", "not a time");

    /** Aura's fields with one more before them: not Aura's own schema, cell fields still in one run. */
    static final Schema EXTRA_FIELD_FIRST = new Schema.Parser().parse("""
            {"type":"record","name":"Aura_Audit","fields":[
             {"name":"EXTRA","type":"long","default":7},
             {"name":"INTERACTION_ID","type":"string"},
             {"name":"AURA_TM","type":"string"},
             {"name":"AURA_CHANNEL_ID","type":["null","string"]},
             {"name":"AURA_APP_ID","type":["string","null"]},
             {"name":"COUNTRY_3_ALPHA_CD","type":"string"},
             {"name":"AURA_SERVICE_NAME_CD","type":{"type":"enum","name":"S","symbols":["ai","message","other"]}},
             {"name":"AURA_PRESET_NAME","type":["null","string"]},
             {"name":"AURA_COMPONENT_ID","type":"string"}]}""");

    /** Cell fields apart, with other fields between them, and the service as a plain string. */
    static final Schema CELL_FIELDS_APART = new Schema.Parser().parse("""
            {"type":"record","name":"Aura_Audit","fields":[
             {"name":"AURA_COMPONENT_ID","type":"string"},
             {"name":"INTERACTION_ID","type":"string"},
             {"name":"COUNTRY_3_ALPHA_CD","type":"string"},
             {"name":"NOTE","type":["null","string"],"default":null},
             {"name":"AURA_SERVICE_NAME_CD","type":["null","string"]},
             {"name":"AURA_TM","type":"string"},
             {"name":"AURA_APP_ID","type":["null","string"]},
             {"name":"AURA_CHANNEL_ID","type":["null","string"]}]}""");

    @Provide
    Arbitrary<List<AuditRow>> months() {
        Arbitrary<AuditRow> row = Combinators.combine(
                Arbitraries.of("6f1c2d3e-0000-4000-8000-000000000001", "6F1C2D3E-0000-4000-8000-000000000001",
                        "i-1", "i-2", "i-3", " "),
                Arbitraries.of(new ArrayList<>(new TreeMap<>(TIMES).keySet())),
                Arbitraries.of("BRA", "ESP", "DEU", ""),
                Arbitraries.of("compA", "compB", "compC"),
                Arbitraries.of("app1", "app2").injectNull(0.3),
                Arbitraries.of("message", "ai")).as((id, tm, country, component, app, service) ->
                new AuditRow(id, tm, "ch1", app, country, service, null, component));
        return row.list().ofMinSize(0).ofMaxSize(40);
    }

    @Property(tries = 1000)
    void matchesANaiveModelWhateverTheSplitOrderAndThreads(@ForAll("months") List<AuditRow> rows,
                                                           @ForAll @IntRange(min = 1, max = 4) int files,
                                                           @ForAll @IntRange(min = 1, max = 3) int threads,
                                                           @ForAll @IntRange(min = 0, max = 2) int writer,
                                                           @ForAll long seed) {
        UsageAggregate expected = model(rows);

        // split the rows, in order, over files whose paths sort in row order; list them shuffled
        List<String> paths = new ArrayList<>();
        List<List<AuditRow>> parts = new ArrayList<>();
        Random random = new Random(seed);
        int start = 0;
        for (int f = 0; f < files; f++) {
            int end = f == files - 1 ? rows.size() : start + random.nextInt(rows.size() - start + 1);
            paths.add(String.format(java.util.Locale.ROOT, "DAY_DT=2026-10-01/part-%02d.avro", f));
            parts.add(rows.subList(start, end));
            start = end;
        }
        List<Integer> order = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            order.add(f);
        }
        Collections.shuffle(order, random);
        MemorySource source = new MemorySource();
        for (int f : order) {
            if (writer == 0) {
                source.audit(paths.get(f), parts.get(f));
            } else {
                // the reader's other paths: cell fields in one run but another schema, or not in one run
                Schema schema = writer == 1 ? EXTRA_FIELD_FIRST : CELL_FIELDS_APART;
                List<org.apache.avro.generic.GenericRecord> records = new ArrayList<>();
                parts.get(f).forEach(r -> records.add(AvroFiles.auditRecord(schema, r)));
                source.put("Aura_Audit", paths.get(f), AvroFiles.write(schema, records, 3,
                        org.apache.avro.file.CodecFactory.nullCodec()));
            }
        }
        UsageAggregate actual = AuraDatasets.read(source, AuraDatasetsTest.OCTOBER, AuraDatasetsTest.ZONES,
                ZoneOffset.UTC, new ReadOptions(threads, false)).usage();

        assertEquals(expected.cellMap(), actual.cellMap());
        assertEquals(expected.rowsByCountry(), actual.rowsByCountry());
        assertEquals(expected.requestsByCountry(), actual.requestsByCountry());
        assertEquals(paths.stream().map(p -> "Aura_Audit/" + p).toList(),
                actual.inputs().stream().map(io.aurabilling.usage.InputFile::file).toList());
    }

    @Property(tries = 1000)
    void theBucketsAccountForEveryRow(@ForAll("months") @Size(max = 20) List<AuditRow> rows) {
        UsageAggregate usage = AuraDatasets.read(new MemorySource().audit("p.avro", rows), AuraDatasetsTest.OCTOBER,
                AuraDatasetsTest.ZONES, ZoneOffset.UTC, new ReadOptions(1, false)).usage();
        assertEquals(rows.size(), usage.totalRows().read());
        assertEquals(usage.totalRows().billed(), usage.cells().stream().mapToLong(c -> c.queries()).sum());
    }

    /** The rules applied naively, row by row, with java.time and hash sets. */
    static UsageAggregate model(List<AuditRow> rows) {
        UsageAggregate.Builder b = UsageAggregate.builder();
        Set<List<String>> seen = new HashSet<>();
        Map<String, Set<String>> requests = new HashMap<>();
        for (AuditRow r : rows) {
            String country = r.country() == null || r.country().isBlank() ? "" : r.country();
            if (country.isEmpty() || r.interaction().isBlank() || r.component().isBlank()) {
                b.exclude(country, Exclusion.MISSING_KEY, 1);
                continue;
            }
            if (INVALID.contains(r.tm())) {
                b.exclude(country, Exclusion.BAD_TIMESTAMP, 1);
                continue;
            }
            Instant at = TIMES.get(r.tm());
            var zone = AuraDatasetsTest.ZONES.apply(country);
            LocalDate day = at.atZone(zone).toLocalDate();
            if (!day.getMonth().equals(java.time.Month.OCTOBER) || day.getYear() != 2026) {
                b.exclude(country, Exclusion.OUT_OF_PERIOD, 1);
                continue;
            }
            if (!seen.add(List.of(r.interaction(), r.component()))) {
                b.exclude(country, Exclusion.DUPLICATE, 1);
                continue;
            }
            b.addCell(new UsageKey(country, day, r.component(), r.app(), r.channel(), r.service(), r.preset()), 1);
            requests.computeIfAbsent(country, c -> new HashSet<>()).add(r.interaction());
        }
        requests.forEach((c, ids) -> b.addRequests(c, ids.size()));
        return b.build();
    }
}
