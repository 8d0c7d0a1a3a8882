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
 * <p>A tuple is one record of {@link #STRIDE} longs (two cache lines): its hash and length, its
 * resolved ints, and its bytes (up to {@link #INLINE} inline, longer ones in an arena), so that a
 * look-up reads one slot and one record. Open addressing; not thread-safe (one per decoder and
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
    private static final int STRIDE = 16;
    private static final int KEY = 8;
    private static final int INLINE = (STRIDE - KEY) * 8;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private int[] slots = new int[1024];
    // per tuple: [0] hash << 32 | length, [1..4] the ints (COUNTRY.. PRESET, two per long), [5] arena
    // offset of a long tuple, [6..7] unused, [8..15] the bytes, little-endian, zero-padded
    private long[] records = new long[512 * STRIDE];
    private byte[] arena = new byte[0];
    private int arenaSize;
    private int size;
    private int lastHash;

    /** @return the tuples so far */
    int size() {
        return size;
    }

    /**
     * Finds a tuple.
     *
     * @param b the block bytes
     * @param off where the stretch starts
     * @param len its length
     * @return the tuple, or {@code ~slot} (negative) where {@link #add} may put it
     */
    int find(byte[] b, int off, int len) {
        int h = hash(b, off, len);
        lastHash = h;
        long head = (long) h << 32 | len;
        int mask = slots.length - 1;
        int i = h & mask;
        long[] r = records;
        while (true) {
            int t = slots[i] - 1;
            if (t < 0) {
                return ~i;
            }
            int p = t * STRIDE;
            if (r[p] == head && sameBytes(r, p, b, off, len)) {
                return t;
            }
            i = (i + 1) & mask;
        }
    }

    private boolean sameBytes(long[] r, int p, byte[] b, int off, int len) {
        if (len > INLINE) {
            int at = (int) r[p + 5];
            return Arrays.equals(arena, at, at + len, b, off, off + len);
        }
        int k = p + KEY;
        int i = 0;
        for (; i + 8 <= len; i += 8, k++) {
            if (r[k] != (long) LONGS.get(b, off + i)) {
                return false;
            }
        }
        return i == len || r[k] == tail(b, off + i, len - i);
    }

    /** The last {@code n} (1-7) bytes little-endian, zero-padded. */
    private static long tail(byte[] b, int from, int n) {
        long w = 0;
        for (int j = n - 1; j >= 0; j--) {
            w = (w << 8) | (b[from + j] & 0xFF);
        }
        return w;
    }

    /**
     * Adds the tuple that the last {@link #find} did not find; set its ints next.
     *
     * @param slot {@code ~find(...)}
     * @return the new tuple
     */
    int add(byte[] b, int off, int len, int slot) {
        int t = size++;
        int p = t * STRIDE;
        if (p + STRIDE > records.length) {
            records = Arrays.copyOf(records, records.length * 2);
        }
        long[] r = records;
        r[p] = (long) lastHash << 32 | len;
        if (len > INLINE) {
            if (arenaSize + len > arena.length) {
                arena = Arrays.copyOf(arena, Math.max(arena.length * 2, Math.max(4096, arenaSize + len)));
            }
            System.arraycopy(b, off, arena, arenaSize, len);
            r[p + 5] = arenaSize;
            arenaSize += len;
        } else {
            int k = p + KEY;
            int i = 0;
            for (; i + 8 <= len; i += 8, k++) {
                r[k] = (long) LONGS.get(b, off + i);
            }
            if (i < len) {
                r[k] = tail(b, off + i, len - i);
            }
        }
        slots[slot] = t + 1;
        if (size * 2 > slots.length) {
            slots = new int[slots.length * 2];
            int mask = slots.length - 1;
            for (int u = 0; u < size; u++) {
                int i = (int) (r[u * STRIDE] >>> 32) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = u + 1;
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
        long w = records[t * STRIDE + 1 + (field >> 1)];
        return (field & 1) == 0 ? (int) w : (int) (w >>> 32);
    }

    /** Sets an int of a tuple (see {@link #get}). */
    void set(int t, int field, int value) {
        int p = t * STRIDE + 1 + (field >> 1);
        long w = records[p];
        records[p] = (field & 1) == 0 ? (w & 0xFFFFFFFF00000000L) | (value & 0xFFFFFFFFL)
                : (w & 0xFFFFFFFFL) | ((long) value << 32);
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
            h1 = (h1 ^ tail(b, i, end - i)) * 0x9E3779B97F4A7C15L;
        }
        long h = h0 ^ Long.rotateLeft(h1, 31);
        h ^= h >>> 32;
        h *= 0x94D049BB133111EBL;
        return (int) (h ^ (h >>> 29));
    }
}
