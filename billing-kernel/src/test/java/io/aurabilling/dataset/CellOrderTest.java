package io.aurabilling.dataset;

import io.aurabilling.usage.UsageAggregate;
import io.aurabilling.usage.UsageKey;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the sequencer orders the cells at the end: the radix sort, and keys too wide to pack in a long. */
class CellOrderTest {

    @Property(tries = 1000)
    void radixSortIsAStableSortOnTheGivenBits(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 1 << 20) Integer> keys,
                                              @ForAll @IntRange(min = 0, max = 12) int fromBit) {
        // values: key bits above fromBit, the input position below (which a stable sort keeps in order)
        long[] a = new long[keys.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = ((long) keys.get(i) << 40 | i) << fromBit;
        }
        Long[] expected = Arrays.stream(a).boxed().toArray(Long[]::new);
        Arrays.sort(expected, Comparator.comparingLong(v -> v >>> (fromBit + 40)));
        AuditSequencer.radixSort(a, fromBit + 40, fromBit + 61);
        assertArrayEquals(Arrays.stream(expected).mapToLong(Long::longValue).toArray(), a);
    }

    @Test
    void cellsWhoseRanksDoNotFitALongStillGetTheirKeys() {
        // 700 cells, each with its own country, component, app, channel and service: about 10 bits
        // per part, over 63 with the day and the index, so the comparator path orders them
        List<GenericRecord> records = new ArrayList<>();
        Map<UsageKey, Long> expected = new TreeMap<>();
        for (int i = 0; i < 700; i++) {
            String n = String.format(java.util.Locale.ROOT, "%04d", i);
            AuditRow row = new AuditRow("id-" + n, "2026-10-" + (1 + i % 28 < 10 ? "0" : "") + (1 + i % 28) + "T12:00:00Z",
                    "ch" + n, i % 3 == 0 ? null : "app" + n, "C" + n, "svc" + n, null, "comp" + n);
            records.add(AvroFiles.auditRecord(AuraDatasetsProperties.CELL_FIELDS_APART, row));
            expected.put(new UsageKey("C" + n, LocalDate.of(2026, 10, 1 + i % 28), "comp" + n, row.app(), "ch" + n,
                    "svc" + n, null), 1L);
        }
        MemorySource source = new MemorySource().put("Aura_Audit", "DAY_DT=2026-10-01/p.avro",
                AvroFiles.write(AuraDatasetsProperties.CELL_FIELDS_APART, records, 100, CodecFactory.nullCodec()));
        UsageAggregate usage = AuraDatasetsTest.read(source, 2).usage();
        assertEquals(expected, usage.cellMap());
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(usage.cellMap().keySet()));
    }
}
