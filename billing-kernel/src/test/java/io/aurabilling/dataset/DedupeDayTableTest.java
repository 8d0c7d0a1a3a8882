package io.aurabilling.dataset;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dedupe table through its growth: every id added is found as its own entry, no other id is. */
class DedupeDayTableTest {

    /** Row r of a chunk: an id that is a UUID for even n, bytes for odd n. */
    private static void add(RowChunk chunk, long n) {
        if (n % 2 == 0) {
            long hi = n * 0x9E3779B97F4A7C15L;
            long lo = ~n;
            chunk.addUuid(hi, lo, 0, 0);
        } else {
            byte[] b = ("id-" + n).getBytes(StandardCharsets.US_ASCII);
            chunk.addBytes(b, 0, b.length, LocalIds.hash(b, 0, b.length), 0, 0);
        }
    }

    @Test
    void findsEveryIdItHoldsAndNoOtherThroughGrowthAndClear() {
        for (int capacity : new int[] {0, 100_000}) {
            DedupeDayTable table = new DedupeDayTable(capacity);
            int ids = 60_000;
            int[] entryOf = new int[ids];
            for (int from = 0; from < ids; from += RowChunk.CAPACITY) {
                RowChunk chunk = new RowChunk();
                for (int n = from; n < Math.min(ids, from + RowChunk.CAPACITY); n++) {
                    add(chunk, n);
                }
                for (int r = 0; r < chunk.size; r++) {
                    int found = table.find(chunk, r, DedupeDayTable.hash(chunk, r));
                    assertTrue(found < 0, "not added yet: " + (from + r));
                    entryOf[from + r] = table.insertAt(~found, chunk, r, DedupeDayTable.hash(chunk, r));
                    table.addComponent(entryOf[from + r], (from + r) % 70);
                }
            }
            assertEquals(ids, table.size());
            RowChunk again = new RowChunk();
            RowChunk absent = new RowChunk();
            for (int n = 0; n < RowChunk.CAPACITY; n++) {
                add(again, n * 7L);
                add(absent, ids + n);
            }
            for (int r = 0; r < again.size; r++) {
                int e = table.find(again, r, DedupeDayTable.hash(again, r));
                assertEquals(entryOf[r * 7], e, "id " + r * 7);
                assertTrue(table.hasComponent(e, (r * 7) % 70));
                assertTrue(table.find(absent, r, DedupeDayTable.hash(absent, r)) < 0, "id " + (ids + r));
            }
            table.clear();
            for (int r = 0; r < again.size; r++) {
                assertTrue(table.find(again, r, DedupeDayTable.hash(again, r)) < 0, "cleared: id " + r * 7);
            }
        }
    }

    @Test
    void aNeighbourLookUpFindsWhatFindFindsThroughLaterAddsGrowthAndClear() {
        // ids 0..ids-1 are added in rounds; after each round every id so far must be found by both
        // look-ups as the same entry, and ids not added yet by neither: the filter, made on the
        // first neighbour look-up, has to follow the adds (and the growths) made after it
        DedupeDayTable table = new DedupeDayTable();
        int ids = 40_000;
        int[] entryOf = new int[ids];
        java.util.Arrays.fill(entryOf, -1);
        int added = 0;
        for (int round = 0; round < 3; round++) {
            int until = round == 0 ? 300 : round == 1 ? 5_000 : ids;
            for (; added < until; added++) {
                RowChunk one = new RowChunk();
                add(one, added);
                int found = table.find(one, 0, DedupeDayTable.hash(one, 0));
                assertTrue(found < 0, "not added yet: " + added);
                entryOf[added] = table.insertAt(~found, one, 0, DedupeDayTable.hash(one, 0));
            }
            for (int from = 0; from < ids; from += RowChunk.CAPACITY) {
                RowChunk chunk = new RowChunk();
                for (int n = from; n < Math.min(ids, from + RowChunk.CAPACITY); n++) {
                    add(chunk, n);
                }
                for (int r = 0; r < chunk.size; r++) {
                    int n = from + r;
                    int hash = DedupeDayTable.hash(chunk, r);
                    int viaFind = table.find(chunk, r, hash);
                    assertEquals(entryOf[n], viaFind >= 0 ? viaFind : -1, "find, id " + n + ", round " + round);
                    assertEquals(entryOf[n], table.findIfPresent(chunk, r, hash), "neighbour look-up, id " + n
                            + ", round " + round);
                }
            }
        }
        table.clear();
        RowChunk first = new RowChunk();
        add(first, 0);
        assertEquals(-1, table.findIfPresent(first, 0, DedupeDayTable.hash(first, 0)), "cleared");
        int slot = table.find(first, 0, DedupeDayTable.hash(first, 0));
        int e = table.insertAt(~slot, first, 0, DedupeDayTable.hash(first, 0));
        assertEquals(e, table.findIfPresent(first, 0, DedupeDayTable.hash(first, 0)), "added after the clear");
    }
}
