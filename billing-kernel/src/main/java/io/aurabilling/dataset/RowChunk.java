package io.aurabilling.dataset;

import java.util.Arrays;

/**
 * A batch of rows of one file that passed rules 1-3, in file order, in compact form: the
 * interaction id (a canonical lower-case UUID as two longs, any other id as bytes in an arena,
 * with its hash), the UTC day of {@code AURA_TM} (the dedupe day) and the index of the row's cell
 * in the file's cell list. Cells first used in this chunk
 * are carried along as ints ({@link #newCells}).
 */
final class RowChunk {
    static final int CAPACITY = 8192;

    final long[] hi = new long[CAPACITY];
    final long[] lo = new long[CAPACITY];
    /**
     * Of a row whose id is not a UUID (only): its arena offset, length and hash; made with the
     * first such row (Aura's ids are UUIDs: most chunks never need them, and a read keeps about a
     * hundred chunks, which the young collections copy).
     */
    int[] keyOffset;
    int[] keyLength;
    int[] hash;
    final int[] dedupeDay = new int[CAPACITY];
    /** The file cell, with the top bit set for an id that is not a UUID: read through {@link #cell(int)}. */
    private final int[] cell = new int[CAPACITY];
    byte[] arena = new byte[0];
    int arenaSize;
    int size;
    /**
     * The cells first used in this chunk, in file cell order, {@link #CELL_PARTS} ints each: the
     * OB-local epoch day, then the {@link SharedIds} of country, component, app, channel, service and
     * preset ({@code -1} for null).
     */
    // (a chunk at the start of a file brings hundreds to thousands of new cells)
    int[] newCells = new int[CELL_PARTS * 256];
    int newCellCount;
    static final int CELL_PARTS = 7;

    /** Whether this chunk counts against the bound of chunks decoded ahead of the sequencer. */
    boolean ahead;

    /** Empties the chunk for reuse. */
    void clear() {
        size = 0;
        arenaSize = 0;
        ahead = false;
        newCellCount = 0;
    }

    /** @return whether the chunk holds rows or new cells */
    boolean isEmpty() {
        return size == 0 && newCellCount == 0;
    }

    void addNewCell(int day, int country, int component, int app, int channel, int service, int preset) {
        int p = newCellCount * CELL_PARTS;
        if (p + CELL_PARTS > newCells.length) {
            newCells = Arrays.copyOf(newCells, newCells.length * 2);
        }
        int[] c = newCells;
        c[p] = day;
        c[p + 1] = country;
        c[p + 2] = component;
        c[p + 3] = app;
        c[p + 4] = channel;
        c[p + 5] = service;
        c[p + 6] = preset;
        newCellCount++;
    }

    boolean full() {
        return size == CAPACITY;
    }

    void addUuid(long high, long low, int day, int cellIndex) {
        // 24 bytes a row: the id-hash and key arrays are not written (nor handed to the sequencer)
        hi[size] = high;
        lo[size] = low;
        dedupeDay[size] = day;
        cell[size] = cellIndex;
        size++;
    }

    /** @return whether row {@code r}'s id is a UUID (two longs), not bytes in the arena */
    boolean isUuid(int r) {
        return cell[r] >= 0;
    }

    /** @return the file cell of row {@code r} */
    int cell(int r) {
        return cell[r] & Integer.MAX_VALUE;
    }

    /** @return the hash of row {@code r}'s id ({@link DedupeDayTable#uuidHash} or {@link LocalIds#hash}) */
    int hash(int r) {
        return cell[r] >= 0 ? DedupeDayTable.uuidHash(hi[r], lo[r]) : hash[r];
    }

    void addBytes(byte[] b, int off, int len, int idHash, int day, int cellIndex) {
        if (hash == null) {
            keyOffset = new int[CAPACITY];
            keyLength = new int[CAPACITY];
            hash = new int[CAPACITY];
        }
        if (arenaSize + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(Math.max(1024, arena.length * 2), arenaSize + len));
        }
        System.arraycopy(b, off, arena, arenaSize, len);
        hash[size] = idHash;
        keyOffset[size] = arenaSize;
        keyLength[size] = len;
        arenaSize += len;
        dedupeDay[size] = day;
        cell[size] = cellIndex | BYTES_KEY;
        size++;
    }

    /** Set in {@link #cell} for a row whose id is bytes in the arena. */
    private static final int BYTES_KEY = Integer.MIN_VALUE;
}
