package io.aurabilling.dataset;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The interactions seen on one dedupe day (UTC date of {@code AURA_TM}): for each interaction id,
 * the components of its rows that passed rules 1-3 and the countries it was counted as a request for. Open
 * addressing over primitive arrays; a canonical UUID costs two longs, any other id its bytes in
 * an arena. An entry's key, components and country share one 32-byte stretch of one array, so a
 * look-up touches about two cache lines. About 40 bytes per interaction. Not thread-safe (the sequencer alone uses it).
 */
final class DedupeDayTable {
    // per entry e, data[4e..4e+3]: UUID hi (or the id's hash), UUID lo (or its arena offset),
    // component bits 0-63, (country id + 1) << 32 | id length in the arena (0xFFFFFFFF: a UUID)
    private static final long UUID_LENGTH = 0xFFFFFFFFL;

    // per slot: 0 when free, else the entry + 1
    private int[] slots;
    // per slot: 0 when free, else 7 bits of the hash with the top bit set; a quarter of the slots'
    // size, so that the probes of the rows that find nothing (most rows, in the neighbour days'
    // tables and for an interaction's first row) mostly stay in the core's cache
    private byte[] tags;
    private long[] data;
    /**
     * A filter of the held ids' hashes (a blocked Bloom filter: two bits in one word per id, four
     * bits per slot, so eight or more per id), made when the table is first probed as a
     * neighbouring day's ({@link #findIfPresent}) and kept up to date from then on. The neighbour
     * probes of most rows find nothing: one word of an array half the tags' size answers them,
     * with no probe loop (sequencer on one thread 57 → 50 ns/row).
     */
    private long[] filter;
    private int filterShift;
    private boolean filterMade;
    private byte[] arena = new byte[0];
    private int arenaSize;
    private int size;
    // rare cases: component ids of 64 and more, an interaction with rows of several countries
    private final Map<Integer, BitSet> moreComponents = new HashMap<>();
    private final Map<Integer, BitSet> moreCountries = new HashMap<>();

    /** A table for about 512 interactions. */
    DedupeDayTable() {
        this(0);
    }

    /**
     * @param capacity interactions to make room for at once (a table of a previous day's size)
     */
    DedupeDayTable(int capacity) {
        int slotCount = Integer.highestOneBit(Math.max(512, capacity) * 2 - 1) * 2;
        slots = new int[slotCount];
        tags = new byte[slotCount];
        data = new long[slotCount / 2 * 4];
    }

    /** @return the interactions it has room for without growing */
    int capacity() {
        return slots.length / 2;
    }

    /** Empties the table, keeping its capacity. */
    void clear() {
        Arrays.fill(slots, 0);
        Arrays.fill(tags, (byte) 0);
        filterMade = false;
        size = 0;
        arenaSize = 0;
        moreComponents.clear();
        moreCountries.clear();
    }

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
     * @return the entry, or {@code ~slot} (negative) where {@link #insertAt} may add it
     */
    int find(RowChunk chunk, int row, int hash) {
        int mask = slots.length - 1;
        byte tag = tag(hash);
        byte[] t = tags;
        int i = hash & mask;
        long[] d = data;
        if (chunk.isUuid(row)) {
            long hi = chunk.hi[row];
            long lo = chunk.lo[row];
            while (true) {
                byte ti = t[i];
                if (ti == 0) {
                    return ~i;
                }
                // the tag settles almost every mismatch without reading the entry
                if (ti == tag) {
                    int e = slots[i] - 1;
                    int p = e << 2;
                    if (d[p] == hi && d[p + 1] == lo && (d[p + 3] & UUID_LENGTH) == UUID_LENGTH) {
                        return e;
                    }
                }
                i = (i + 1) & mask;
            }
        }
        int length = chunk.keyLength[row];
        int from = chunk.keyOffset[row];
        while (true) {
            byte ti = t[i];
            if (ti == 0) {
                return ~i;
            }
            if (ti == tag) {
                int e = slots[i] - 1;
                int p = e << 2;
                if (d[p] == hash && (d[p + 3] & UUID_LENGTH) == length) {
                    int at = (int) d[p + 1];
                    if (Arrays.equals(arena, at, at + length, chunk.arena, from, from + length)) {
                        return e;
                    }
                }
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * Finds an interaction in a table that is only looked up, not added to, by the row at hand (a
     * neighbouring day's): the same answer as {@link #find} when it finds one, through the filter.
     *
     * @param chunk the chunk holding the id
     * @param row its row in the chunk
     * @param hash {@link #hash} of the id
     * @return the entry, or -1 when the table does not hold the id
     */
    int findIfPresent(RowChunk chunk, int row, int hash) {
        if (!filterMade) {
            makeFilter();
        }
        long bits = filterBits(hash);
        if ((filter[filterWord(hash)] & bits) != bits) {
            return -1;
        }
        int e = find(chunk, row, hash);
        return e >= 0 ? e : -1;
    }

    private void makeFilter() {
        // four bits per slot: at most half the slots hold an entry, so eight or more bits per id
        int words = Math.max(8, slots.length / 16);
        if (filter == null || filter.length != words) {
            filter = new long[words];
        } else {
            Arrays.fill(filter, 0);
        }
        filterShift = 32 - Integer.numberOfTrailingZeros(words);
        filterMade = true;
        for (int e = 0; e < size; e++) {
            addToFilter(entryHash(e));
        }
    }

    private void addToFilter(int hash) {
        filter[filterWord(hash)] |= filterBits(hash);
    }

    private int filterWord(int hash) {
        // the word from the top bits of a remix, the two bits from the low twelve bits
        return (hash * 0x9E3779B9) >>> filterShift;
    }

    private static long filterBits(int hash) {
        return (1L << hash) | (1L << (hash >>> 6));
    }

    /**
     * Adds an interaction that {@link #find} did not find, at the slot it returned (no change to
     * the table in between).
     *
     * @param slot {@code ~find(...)}
     * @return the new entry
     */
    int insertAt(int slot, RowChunk chunk, int row, int hash) {
        if ((size + 1) * 4 > data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        int e = size++;
        int p = e << 2;
        if (chunk.isUuid(row)) {
            data[p] = chunk.hi[row];
            data[p + 1] = chunk.lo[row];
            data[p + 3] = UUID_LENGTH;
        } else {
            int len = chunk.keyLength[row];
            if (arenaSize + len > arena.length) {
                arena = Arrays.copyOf(arena, Math.max(4096, Math.max(arena.length * 2, arenaSize + len)));
            }
            System.arraycopy(chunk.arena, chunk.keyOffset[row], arena, arenaSize, len);
            data[p] = hash;
            data[p + 1] = arenaSize;
            data[p + 3] = len;
            arenaSize += len;
        }
        data[p + 2] = 0;
        if (size * 2 > slots.length) {
            rehash();
        } else {
            slots[slot] = e + 1;
            tags[slot] = tag(hash);
            if (filterMade) {
                addToFilter(hash);
            }
        }
        return e;
    }

    private static byte tag(int hash) {
        return (byte) ((hash >>> 25) | 0x80);
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        tags = new byte[slots.length];
        int mask = slots.length - 1;
        for (int e = 0; e < size; e++) {
            int hash = entryHash(e);
            int i = hash & mask;
            while (slots[i] != 0) {
                i = (i + 1) & mask;
            }
            slots[i] = e + 1;
            tags[i] = tag(hash);
        }
        if (filterMade) {
            // sized from the slots: made again at the new size (with the entry just added)
            makeFilter();
        }
    }

    private int entryHash(int e) {
        int p = e << 2;
        return (data[p + 3] & UUID_LENGTH) == UUID_LENGTH ? uuidHash(data[p], data[p + 1]) : (int) data[p];
    }

    boolean hasComponent(int e, int component) {
        if (component < 64) {
            return (data[(e << 2) + 2] & (1L << component)) != 0;
        }
        BitSet more = moreComponents.get(e);
        return more != null && more.get(component);
    }

    void addComponent(int e, int component) {
        if (component < 64) {
            data[(e << 2) + 2] |= 1L << component;
        } else {
            moreComponents.computeIfAbsent(e, x -> new BitSet()).set(component);
        }
    }

    boolean hasCountry(int e, int countryId) {
        if (country(e) == countryId) {
            return true;
        }
        BitSet more = moreCountries.get(e);
        return more != null && more.get(countryId);
    }

    void addCountry(int e, int countryId) {
        int current = country(e);
        if (current < 0) {
            int p = (e << 2) + 3;
            data[p] = ((long) (countryId + 1) << 32) | (data[p] & UUID_LENGTH);
        } else if (current != countryId) {
            moreCountries.computeIfAbsent(e, x -> new BitSet()).set(countryId);
        }
    }

    private int country(int e) {
        return (int) (data[(e << 2) + 3] >>> 32) - 1;
    }

    /** The hash of a row's interaction id. */
    static int hash(RowChunk chunk, int row) {
        return chunk.hash(row);
    }

    /** The hash of a UUID id (any other id: {@link LocalIds#hash} of its bytes). */
    static int uuidHash(long hi, long lo) {
        long h = (hi * 0x9E3779B97F4A7C15L) ^ lo;
        h *= 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 32));
    }
}
