package io.aurabilling.dataset;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The distinct cell tuples of a decoder's rows, keyed by their bytes as written: when a writer
 * schema has the cell fields (channel, app, country, service, preset, component) next to one
 * another, their encoded bytes are one stretch of the row, and equal stretches mean equal values
 * (same schema, same encoding). One hash and one comparison of that stretch then replace six id
 * look-ups and a cell look-up per row. Each tuple keeps what the row rules need of it, resolved
 * once: the country, whether a key part is missing, and the ids of the cell's parts.
 *
 * <p>Laid out for the cache, since a month has thousands of tuples and every row looks one up: a
 * slot is one {@code long} holding the hash, the tuple, its country and its missing-key flag, so a
 * row reads its slot and the tuple's bytes (packed one after another) and nothing else; the
 * other ints are read only for a new cell. Open addressing; not thread-safe (one per decoder and
 * writer encoding).
 */
final class TupleTable {
    static final int COUNTRY = 0;
    static final int MISSING_KEY = 1;
    static final int COMPONENT = 2;
    static final int APP = 3;
    static final int CHANNEL = 4;
    static final int SERVICE = 5;
    static final int PRESET = 6;
    private static final int WIDTH = 8;
    private static final int TUPLE_BITS = 20;
    private static final int COUNTRY_BITS = 11;
    /** Tuples and countries beyond what a slot can hold: the caller uses the per-field path instead. */
    static final int MAX_TUPLES = 1 << TUPLE_BITS;
    static final int MAX_COUNTRY = (1 << COUNTRY_BITS) - 1;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    // per slot: 0 when free, else hash << 32 | missing key << 31 | country << 20 | (tuple + 1)
    private long[] slots = new long[1024];
    private byte[] arena = new byte[16 * 1024];
    private int arenaSize;
    private int[] start = new int[512];
    private int[] ints = new int[512 * WIDTH];
    private int size;
    private int lastHash;
    private long lastSlot;
    private final int maxTuples;

    /** A table of up to {@link #MAX_TUPLES} tuples. */
    TupleTable() {
        this(MAX_TUPLES);
    }

    /** @param maxTuples the most tuples it takes (at most {@link #MAX_TUPLES}; fewer in tests of the fallback) */
    TupleTable(int maxTuples) {
        this.maxTuples = Math.min(maxTuples, MAX_TUPLES);
    }

    /** @return the tuples so far */
    int size() {
        return size;
    }

    /** @return whether another tuple may be added (see {@link #MAX_TUPLES}) */
    boolean hasRoom() {
        return size + 1 < maxTuples;
    }

    /**
     * Finds a tuple; then {@link #lastCountry()} and {@link #lastMissingKey()} describe it.
     *
     * @param b the block bytes
     * @param off where the stretch starts
     * @param len its length
     * @return the tuple, or {@code ~slot} (negative) where {@link #add} may put it
     */
    int find(byte[] b, int off, int len) {
        int h = hash(b, off, len);
        lastHash = h;
        int mask = slots.length - 1;
        int i = h & mask;
        long[] s = slots;
        while (true) {
            long v = s[i];
            if (v == 0) {
                return ~i;
            }
            if ((int) (v >>> 32) == h) {
                int t = (int) (v & (MAX_TUPLES - 1)) - 1;
                int from = start[t];
                if (start[t + 1] - from == len && sameBytes(arena, from, b, off, len)) {
                    lastSlot = v;
                    return t;
                }
            }
            i = (i + 1) & mask;
        }
    }

    /** Compares eight bytes at a time (a call to {@code Arrays.equals} costs more than the short stretch). */
    static boolean sameBytes(byte[] a, int aOff, byte[] b, int bOff, int len) {
        if (len < 8) {
            return Arrays.equals(a, aOff, aOff + len, b, bOff, bOff + len);
        }
        int last = len - 8;
        for (int i = 0; i < last; i += 8) {
            if ((long) LONGS.get(a, aOff + i) != (long) LONGS.get(b, bOff + i)) {
                return false;
            }
        }
        // the last eight bytes, overlapping what was compared
        return (long) LONGS.get(a, aOff + last) == (long) LONGS.get(b, bOff + last);
    }

    /** @return the country of the tuple last found */
    int lastCountry() {
        return (int) (lastSlot >>> TUPLE_BITS) & MAX_COUNTRY;
    }

    /** @return whether the tuple last found lacks its country or component */
    boolean lastMissingKey() {
        return (lastSlot & (1L << 31)) != 0;
    }

    /**
     * Adds the tuple that the last {@link #find} did not find (when {@link #hasRoom()}); it is then
     * the tuple last found.
     *
     * @param slot {@code ~find(...)}
     * @param country its country (at most {@link #MAX_COUNTRY})
     * @param missingKey whether it lacks its country or component
     * @param parts component, app, channel, service, preset
     * @return the new tuple
     */
    int add(byte[] b, int off, int len, int slot, int country, boolean missingKey, int... parts) {
        int t = size++;
        if (t + 2 > start.length) {
            start = Arrays.copyOf(start, start.length * 2);
            ints = Arrays.copyOf(ints, start.length * WIDTH);
        }
        if (arenaSize + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + len));
        }
        System.arraycopy(b, off, arena, arenaSize, len);
        start[t] = arenaSize;
        arenaSize += len;
        start[t + 1] = arenaSize;
        int p = t * WIDTH;
        ints[p + COUNTRY] = country;
        ints[p + MISSING_KEY] = missingKey ? 1 : 0;
        System.arraycopy(parts, 0, ints, p + COMPONENT, parts.length);
        long v = ((long) lastHash << 32) | (missingKey ? 1L << 31 : 0) | ((long) country << TUPLE_BITS) | (t + 1);
        slots[slot] = v;
        lastSlot = v;
        if (size * 2 > slots.length) {
            long[] old = slots;
            slots = new long[old.length * 2];
            int mask = slots.length - 1;
            for (long u : old) {
                if (u != 0) {
                    int i = (int) (u >>> 32) & mask;
                    while (slots[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    slots[i] = u;
                }
            }
        }
        return t;
    }

    /**
     * @param t a tuple
     * @param field {@link #COUNTRY} … {@link #PRESET}
     * @return that int of the tuple
     */
    int get(int t, int field) {
        return ints[t * WIDTH + field];
    }

    /** A hash of bytes, eight at a time in two independent chains (the stretch is short: latency matters). */
    private static int hash(byte[] b, int off, int len) {
        long h0 = len * 0x9E3779B97F4A7C15L;
        long h1 = 0x632BE59BD9B4E019L;
        int end = off + len;
        int i = off;
        for (; i + 16 <= end; i += 16) {
            h0 = (h0 ^ (long) LONGS.get(b, i)) * 0xC2B2AE3D27D4EB4FL;
            h1 = (h1 ^ (long) LONGS.get(b, i + 8)) * 0x9E3779B97F4A7C15L;
        }
        if (i + 8 <= end) {
            h0 = (h0 ^ (long) LONGS.get(b, i)) * 0xC2B2AE3D27D4EB4FL;
            i += 8;
        }
        if (i < end) {
            long tail;
            if (len >= 8) {
                // the last eight bytes, overlapping what was hashed: no byte loop
                tail = (long) LONGS.get(b, end - 8);
            } else {
                tail = 0;
                for (; i < end; i++) {
                    tail = (tail << 8) | (b[i] & 0xFF);
                }
            }
            h1 = (h1 ^ tail) * 0x9E3779B97F4A7C15L;
        }
        long h = h0 ^ Long.rotateLeft(h1, 31);
        h ^= h >>> 32;
        h *= 0x94D049BB133111EBL;
        return (int) (h ^ (h >>> 29));
    }
}
