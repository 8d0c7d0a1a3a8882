package io.aurabilling.dataset;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Small int ids for the low-cardinality id texts of one decoder (countries, components, apps,
 * channels, services, presets), keyed by their UTF-8 bytes: a value seen before costs a hash of
 * its bytes (eight at a time) and one byte comparison, no allocation. The text of an id is decoded
 * once, when it first appears. Open addressing; not thread-safe (one per decoder).
 */
final class LocalIds {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private int[] slots = new int[64];
    private int[] hashes = new int[64];
    // texts of at most 16 bytes are their two (overlapping, masked) little-endian words and length
    private long[] word0 = new long[32];
    private long[] word1 = new long[32];
    private byte[] arena = new byte[1024];
    private int arenaSize;
    private int[] start = new int[32];
    private int[] length = new int[32];
    private String[] names = new String[32];
    private int size;

    /**
     * The id of a text.
     *
     * @param b bytes
     * @param off start
     * @param len length
     * @return its id, 0, 1, 2… in order of first appearance
     */
    int id(byte[] b, int off, int len) {
        if (len <= 16) {
            long w0;
            long w1;
            if (len >= 8) {
                w0 = (long) LONGS.get(b, off);
                w1 = (long) LONGS.get(b, off + len - 8);
            } else if (off + 8 <= b.length) {
                w0 = len == 0 ? 0 : (long) LONGS.get(b, off) & (-1L >>> (64 - 8 * len));
                w1 = 0;
            } else {
                w0 = 0;
                for (int i = len - 1; i >= 0; i--) {
                    w0 = (w0 << 8) | (b[off + i] & 0xFF);
                }
                w1 = 0;
            }
            long x = (w0 * 0x9E3779B97F4A7C15L) ^ Long.rotateLeft(w1 * 0xC2B2AE3D27D4EB4FL, 31) ^ len;
            x *= 0x94D049BB133111EBL;
            int h = (int) (x ^ (x >>> 32));
            int mask = slots.length - 1;
            int i = h & mask;
            while (true) {
                int e = slots[i] - 1;
                if (e < 0) {
                    int id = add(b, off, len, h, i);
                    word0[id] = w0;
                    word1[id] = w1;
                    return id;
                }
                if (hashes[i] == h && word0[e] == w0 && word1[e] == w1 && length[e] == len) {
                    return e;
                }
                i = (i + 1) & mask;
            }
        }
        int h = hash(b, off, len);
        int mask = slots.length - 1;
        int i = h & mask;
        while (true) {
            int e = slots[i] - 1;
            if (e < 0) {
                return add(b, off, len, h, i);
            }
            if (hashes[i] == h && length[e] == len && len > 16
                    && Arrays.equals(arena, start[e], start[e] + len, b, off, off + len)) {
                return e;
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * @param id an id
     * @return its text
     */
    String name(int id) {
        return names[id];
    }

    /** @return the ids given so far */
    int size() {
        return size;
    }

    private int add(byte[] b, int off, int len, int h, int slot) {
        int e = size++;
        if (e == names.length) {
            start = Arrays.copyOf(start, e * 2);
            word0 = Arrays.copyOf(word0, e * 2);
            word1 = Arrays.copyOf(word1, e * 2);
            length = Arrays.copyOf(length, e * 2);
            names = Arrays.copyOf(names, e * 2);
        }
        if (arenaSize + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + len));
        }
        System.arraycopy(b, off, arena, arenaSize, len);
        start[e] = arenaSize;
        length[e] = len;
        arenaSize += len;
        names[e] = new String(b, off, len, StandardCharsets.UTF_8);
        slots[slot] = e + 1;
        hashes[slot] = h;
        if (size * 2 > slots.length) {
            int[] oldSlots = slots;
            int[] oldHashes = hashes;
            slots = new int[oldSlots.length * 2];
            hashes = new int[oldSlots.length * 2];
            int mask = slots.length - 1;
            for (int j = 0; j < oldSlots.length; j++) {
                if (oldSlots[j] != 0) {
                    int i = oldHashes[j] & mask;
                    while (slots[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    slots[i] = oldSlots[j];
                    hashes[i] = oldHashes[j];
                }
            }
        }
        return e;
    }

    /**
     * A hash of bytes, eight at a time.
     *
     * @param b bytes
     * @param off start
     * @param len length
     * @return the hash
     */
    static int hash(byte[] b, int off, int len) {
        long h = len * 0x9E3779B97F4A7C15L;
        int i = off;
        int end = off + len;
        for (; i + 8 <= end; i += 8) {
            h = Long.rotateLeft(h ^ (long) LONGS.get(b, i), 27) * 0xC2B2AE3D27D4EB4FL;
        }
        if (i < end) {
            long tail = 0;
            if (end >= 8 && i > off) {
                // the last eight bytes, overlapping what was hashed: no byte loop
                tail = (long) LONGS.get(b, end - 8);
            } else {
                for (; i < end; i++) {
                    tail = (tail << 8) | (b[i] & 0xFF);
                }
            }
            h = Long.rotateLeft(h ^ tail, 27) * 0xC2B2AE3D27D4EB4FL;
        }
        h ^= h >>> 29;
        h *= 0x94D049BB133111EBL;
        return (int) (h ^ (h >>> 32));
    }
}
