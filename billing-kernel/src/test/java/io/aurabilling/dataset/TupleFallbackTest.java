package io.aurabilling.dataset;

import io.aurabilling.usage.UsageAggregate;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A decoder whose tuple table fills up part-way through a file goes on by the per-field path, and
 * the file's cells (numbered by both paths) still add up to the same aggregate.
 */
class TupleFallbackTest {

    private static UsageAggregate decode(MemorySource source, int tupleLimit) throws InterruptedException {
        SharedIds shared = new SharedIds();
        UsageAggregate.Builder builder = UsageAggregate.builder();
        AuditSequencer sequencer = new AuditSequencer(builder, shared);
        AuditFileDecoder decoder = new AuditFileDecoder(YearMonth.of(2026, 10), c -> ZoneId.of("Europe/Madrid"),
                ZoneId.of("UTC"), RowChunk::new, null, shared);
        decoder.tupleLimit = tupleLimit;
        for (DatasetSource.DatasetFile file : source.files(AuraSchemas.AURA_AUDIT)) {
            sequencer.startFile(file.relativePath());
            decoder.decode(file, item -> {
                if (item instanceof RowChunk chunk) {
                    sequencer.accept(chunk);
                } else {
                    sequencer.endFile((AuditFileDecoder.FileEnd) item);
                }
            });
        }
        sequencer.finish();
        return builder.build();
    }

    @Test
    void aFullTupleTableFallsBackToThePerFieldPath() throws InterruptedException {
        List<AuditRow> rows = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            // 60 tuples (app x component x country), two days, duplicates, a missing key now and then
            rows.add(new AuditRow("id-" + (i % 9_000), "2026-10-0" + (5 + i % 2) + "T1" + (i % 10) + ":00:00Z",
                    "ch", "app" + (i % 5), i % 3 == 0 ? "ESP" : "DEU", "ai", null, i % 997 == 0 ? " " : "c" + (i % 4)));
        }
        // written once: a file written again gets another sync marker, hence another sha256
        MemorySource source = new MemorySource().audit("DAY_DT=2026-10-05/a.avro", rows).audit("DAY_DT=2026-10-06/b.avro",
                rows.subList(0, rows.size() / 2));
        UsageAggregate whole = decode(source, TupleTable.MAX_TUPLES);
        assertEquals(20_000 + 10_000, whole.totalRows().read());
        for (int limit : new int[] {1, 2, 7, 30}) {
            assertEquals(whole, decode(source, limit), "tuple limit " + limit);
        }
    }
}
