package io.aurabilling.dataset;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The interactions seen on one dedupe day (UTC date of {@code AURA_TM}): for each interaction id,
 * the components it was billed for and the countries it was counted as a request for. Open
 * addressing over primitive arrays; a canonical UUID costs two longs, any other id its bytes in
 * an arena. About 40 bytes per interaction. Not thread-safe (the sequencer alone uses it).
 */
final class DedupeDayTable {
    private int[] slots = new int[1024];
    private long[] k1 = new long[512];
    private long[] k2 = new long[512];
    private int[] arenaOffset = new int[512];
    private int[] arenaLength = new int[512];
    private long[] components = new long[512];
    private int[] country = new int[512];
    private byte[] arena = new byte[0];
    private int arenaSize;
    private int size;
    // rare cases: component ids of 64 and more, an interaction with rows of several countries
    private final Map<Integer, BitSet> moreComponents = new HashMap<>();
    private final Map<Integer, BitSet> moreCountries = new HashMap<>();

    /** @return the interactions held */
    int size() {
        return size;
    }

    /**
     * Finds an interaction.
     *
     * @param chunk the chunk holding the id
     * @param row its row in the chunk
     * @param hash {@link #hash} of the id
     * @return the entry, or -1
     */
    int find(RowChunk chunk, int row, int hash) {
        int mask = slots.length - 1;
        int i = hash & mask;
        boolean uuid = chunk.keyOffset[row] < 0;
        while (true) {
            int e = slots[i] - 1;
            if (e < 0) {
                return -1;
            }
            if (uuid) {
                if (arenaOffset[e] < 0 && k1[e] == chunk.hi[row] && k2[e] == chunk.lo[row]) {
                    return e;
                }
            } else if (arenaOffset[e] >= 0 && k1[e] == hash && arenaLength[e] == chunk.keyLength[row]
                    && Arrays.equals(arena, arenaOffset[e], arenaOffset[e] + arenaLength[e],
                    chunk.arena, chunk.keyOffset[row], chunk.keyOffset[row] + chunk.keyLength[row])) {
                return e;
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * Adds an interaction that {@link #find} did not find.
     *
     * @return the new entry
     */
    int insert(RowChunk chunk, int row, int hash) {
        if (size == k1.length) {
            int capacity = size * 2;
            k1 = Arrays.copyOf(k1, capacity);
            k2 = Arrays.copyOf(k2, capacity);
            arenaOffset = Arrays.copyOf(arenaOffset, capacity);
            arenaLength = Arrays.copyOf(arenaLength, capacity);
            components = Arrays.copyOf(components, capacity);
            country = Arrays.copyOf(country, capacity);
        }
        int e = size++;
        if (chunk.keyOffset[row] < 0) {
            k1[e] = chunk.hi[row];
            k2[e] = chunk.lo[row];
            arenaOffset[e] = -1;
        } else {
            int len = chunk.keyLength[row];
            if (arenaSize + len > arena.length) {
                arena = Arrays.copyOf(arena, Math.max(4096, Math.max(arena.length * 2, arenaSize + len)));
            }
            System.arraycopy(chunk.arena, chunk.keyOffset[row], arena, arenaSize, len);
            k1[e] = hash;
            arenaOffset[e] = arenaSize;
            arenaLength[e] = len;
            arenaSize += len;
        }
        components[e] = 0;
        country[e] = -1;
        if (size * 2 > slots.length) {
            rehash();
        } else {
            place(e, hash);
        }
        return e;
    }

    private void place(int e, int hash) {
        int mask = slots.length - 1;
        int i = hash & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = e + 1;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        for (int e = 0; e < size; e++) {
            place(e, entryHash(e));
        }
    }

    private int entryHash(int e) {
        return arenaOffset[e] < 0 ? uuidHash(k1[e], k2[e]) : (int) k1[e];
    }

    boolean hasComponent(int e, int component) {
        if (component < 64) {
            return (components[e] & (1L << component)) != 0;
        }
        BitSet more = moreComponents.get(e);
        return more != null && more.get(component);
    }

    void addComponent(int e, int component) {
        if (component < 64) {
            components[e] |= 1L << component;
        } else {
            moreComponents.computeIfAbsent(e, x -> new BitSet()).set(component);
        }
    }

    boolean hasCountry(int e, int countryId) {
        if (country[e] == countryId) {
            return true;
        }
        BitSet more = moreCountries.get(e);
        return more != null && more.get(countryId);
    }

    void addCountry(int e, int countryId) {
        if (country[e] < 0) {
            country[e] = countryId;
        } else if (country[e] != countryId) {
            moreCountries.computeIfAbsent(e, x -> new BitSet()).set(countryId);
        }
    }

    /** The hash of a row's interaction id. */
    static int hash(RowChunk chunk, int row) {
        return chunk.hash[row];
    }

    /** The hash of a UUID id (any other id: {@link LocalIds#hash} of its bytes). */
    static int uuidHash(long hi, long lo) {
        long h = (hi * 0x9E3779B97F4A7C15L) ^ lo;
        h *= 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 32));
    }
}
