package io.aurabilling.dataset;

import io.aurabilling.usage.UsageKey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A batch of rows of one file that passed rules 1-3, in file order, in compact form: the
 * interaction id (a canonical lower-case UUID as two longs, any other id as bytes in an arena),
 * the UTC day of {@code AURA_TM} (the dedupe day) and the index of the row's cell in the file's
 * cell list. Cells first used in this chunk are carried along in {@link #newCells}.
 */
final class RowChunk {
    static final int CAPACITY = 8192;

    final long[] hi = new long[CAPACITY];
    final long[] lo = new long[CAPACITY];
    /** Arena offset of a non-UUID id, or -1 for a UUID. */
    final int[] keyOffset = new int[CAPACITY];
    final int[] keyLength = new int[CAPACITY];
    final int[] dedupeDay = new int[CAPACITY];
    final int[] cell = new int[CAPACITY];
    byte[] arena = new byte[1024];
    int arenaSize;
    int size;
    final List<UsageKey> newCells = new ArrayList<>();

    boolean full() {
        return size == CAPACITY;
    }

    void addUuid(long high, long low, int day, int cellIndex) {
        hi[size] = high;
        lo[size] = low;
        keyOffset[size] = -1;
        keyLength[size] = 0;
        dedupeDay[size] = day;
        cell[size] = cellIndex;
        size++;
    }

    void addBytes(byte[] b, int len, int day, int cellIndex) {
        if (arenaSize + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + len));
        }
        System.arraycopy(b, 0, arena, arenaSize, len);
        keyOffset[size] = arenaSize;
        keyLength[size] = len;
        arenaSize += len;
        dedupeDay[size] = day;
        cell[size] = cellIndex;
        size++;
    }

    /**
     * Parses a canonical lower-case UUID ({@code 8-4-4-4-12} hex digits).
     *
     * @param b the bytes
     * @param len their length
     * @param out receives the high and low longs
     * @return true when the bytes are such a UUID
     */
    static boolean parseUuid(byte[] b, int len, long[] out) {
        if (len != 36 || b[8] != '-' || b[13] != '-' || b[18] != '-' || b[23] != '-') {
            return false;
        }
        long high = 0;
        long low = 0;
        int nibbles = 0;
        for (int i = 0; i < 36; i++) {
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                continue;
            }
            int c = b[i];
            int v;
            if (c >= '0' && c <= '9') {
                v = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                v = c - 'a' + 10;
            } else {
                // upper case is a different id text: keep it exact, as bytes
                return false;
            }
            if (nibbles < 16) {
                high = (high << 4) | v;
            } else {
                low = (low << 4) | v;
            }
            nibbles++;
        }
        out[0] = high;
        out[1] = low;
        return true;
    }
}
