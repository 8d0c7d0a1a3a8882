package io.aurabilling.dataset;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The interactions of the dedupe window (a few UTC days of {@code AURA_TM}), in one open-addressing
 * table keyed by interaction id, so that a row costs one probe. An entry is one interaction on one
 * dedupe day: its key, the components it was billed for and the countries it was counted as a
 * request for. The entries of one interaction on several days share its probe sequence, so one walk
 * to the next empty slot sees all of them.
 *
 * <p>A slot holds the id's 32-bit hash (a fingerprint: key memory is touched only when it matches)
 * and the entry index. Keys are compared exactly: a canonical UUID as two longs, any other id as
 * its bytes in an arena.
 *
 * <p>Eviction gives exactly the result of dropping, at the start of every file, the entries of days
 * before that file's cutoff ({@link #startFile}), without a pass over the table per file: an entry
 * records the file (generation) that inserted it, and while cutoffs do not decrease an entry is
 * visible iff its day is at least the current cutoff or it was inserted by the current file.
 * Invisible entries are removed when the table is full (compaction, before it would grow) and
 * whenever a cutoff decreases (paths not sorted by day, files outside {@code DAY_DT} folders).
 * Not thread-safe (the sequencer alone uses it).
 */
final class DedupeWindowTable {
    /** {@link #apply}: the row is a duplicate. */
    static final int DUPLICATE = 0;
    /** {@link #apply}: the row is billable and a new request of its country. */
    static final int NEW_REQUEST = 1;
    /** {@link #apply}: the row is billable, its interaction already counted for its country. */
    static final int BILLABLE = 2;

    // per entry e, data[4e..4e+3]: UUID hi (or the id's length), UUID lo (or its arena offset),
    // component bits 0-63, meta = BYTES_KEY | generation << 39 | (country id + 1) << 23 | day + DAY_BIAS
    // (country ids from 0xFFFF on, and further countries, are kept in moreCountries)
    private static final long BYTES_KEY = 1L << 63;
    private static final int GEN_SHIFT = 39;
    private static final int MAX_GEN = (1 << 24) - 1;
    private static final int COUNTRY_SHIFT = 23;
    private static final int INLINE_COUNTRIES = 0xFFFF;
    private static final int DAY_BIAS = 1 << 22;
    private static final long DAY_MASK = (1L << 23) - 1;

    /**
     * Slot: the hash's bits above the index bits (a fingerprint) | entry + 1; 0 = empty. Load at
     * most one half, so entry + 1 fits in the index bits; ints keep the slots small in cache.
     */
    private int[] slots = new int[1024];
    private long[] data = new long[512 * 4];
    private byte[] arena = new byte[0];
    private int arenaSize;
    private int size;
    private int minDay = Integer.MAX_VALUE;
    // the current file's generation, and the cutoff: days before it are invisible unless of this generation
    private int generation;
    private int cutoff = Integer.MIN_VALUE;
    // rare cases: component ids of 64 and more, an interaction with rows of several countries
    private Map<Integer, BitSet> moreComponents = new HashMap<>();
    private Map<Integer, BitSet> moreCountries = new HashMap<>();

    /** @return the entries (interaction and day) held */
    int size() {
        return size;
    }

    /**
     * Applies rule 4 and the distinct requests to a row that passed rules 1-3: it is a duplicate
     * when an entry of its interaction on its dedupe day or a neighbouring one has its component;
     * else it is billable, a new request unless such an entry has its country, and its component
     * and country are added to the entry of its own day.
     *
     * @param chunk the chunk holding the row
     * @param r the row
     * @param component the row's component id (sequencer-wide)
     * @param country the row's country id (sequencer-wide)
     * @return {@link #DUPLICATE}, {@link #NEW_REQUEST} or {@link #BILLABLE}
     */
    int apply(RowChunk chunk, int r, int component, int country) {
        int hash = chunk.hash[r];
        int day = chunk.dedupeDay[r];
        int[] s = slots;
        int mask = s.length - 1;
        int i = hash & mask;
        int same = -1;
        boolean counted = false;
        boolean uuid = chunk.keyOffset[r] < 0;
        long hi = chunk.hi[r];
        long lo = chunk.lo[r];
        while (true) {
            int slot = s[i];
            if (slot == 0) {
                break;
            }
            if (((slot ^ hash) & ~mask) == 0) {
                int e = (slot & mask) - 1;
                if (uuid ? uuidEquals(e, hi, lo) : bytesEqual(e, chunk, r)) {
                    long meta = data[(e << 2) + 3];
                    int entryDay = day(meta);
                    int diff = entryDay - day;
                    if (diff >= -1 && diff <= 1 && (entryDay >= cutoff || gen(meta) == generation)) {
                        if (hasComponent(e, component)) {
                            return DUPLICATE;
                        }
                        counted = counted || hasCountry(e, country);
                        if (diff == 0) {
                            same = e;
                        }
                    }
                }
            }
            i = (i + 1) & mask;
        }
        if (same < 0) {
            same = insert(chunk, r, hash, day, i);
        }
        addComponent(same, component);
        addCountry(same, country);
        return counted ? BILLABLE : NEW_REQUEST;
    }

    private boolean uuidEquals(int e, long hi, long lo) {
        int p = e << 2;
        long[] d = data;
        return d[p] == hi && d[p + 1] == lo && d[p + 3] >= 0;
    }

    private boolean bytesEqual(int e, RowChunk chunk, int r) {
        int p = e << 2;
        long[] d = data;
        int length = chunk.keyLength[r];
        if (d[p + 3] >= 0 || d[p] != length) {
            return false;
        }
        int at = (int) d[p + 1];
        int from = chunk.keyOffset[r];
        return Arrays.equals(arena, at, at + length, chunk.arena, from, from + length);
    }

    /** Adds an entry for the row's interaction and day at the empty slot {@code free}. */
    private int insert(RowChunk chunk, int r, int hash, int day, int free) {
        if ((size + 1) * 4 > data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        int e = size++;
        int p = e << 2;
        long flag;
        if (chunk.keyOffset[r] < 0) {
            data[p] = chunk.hi[r];
            data[p + 1] = chunk.lo[r];
            flag = 0;
        } else {
            int len = chunk.keyLength[r];
            ensureArena(len);
            System.arraycopy(chunk.arena, chunk.keyOffset[r], arena, arenaSize, len);
            data[p] = len;
            data[p + 1] = arenaSize;
            arenaSize += len;
            flag = BYTES_KEY;
        }
        data[p + 2] = 0;
        data[p + 3] = flag | (long) generation << GEN_SHIFT | (day + DAY_BIAS);
        minDay = Math.min(minDay, day);
        if (size * 2 > slots.length) {
            // full: first remove what is invisible; grow only if the live entries need it
            compact();
            if (size * 4 > slots.length) {
                slots = new int[slots.length * 2];
            } else {
                Arrays.fill(slots, 0);
            }
            placeAll();
            e = size - 1;
        } else {
            slots[free] = (hash & ~(slots.length - 1)) | (e + 1);
        }
        return e;
    }

    private void ensureArena(int len) {
        if (arenaSize + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(4096, Math.max(arena.length * 2, arenaSize + len)));
        }
    }

    private void placeAll() {
        int[] s = slots;
        int mask = s.length - 1;
        for (int e = 0; e < size; e++) {
            int hash = entryHash(e);
            int i = hash & mask;
            while (s[i] != 0) {
                i = (i + 1) & mask;
            }
            s[i] = (hash & ~mask) | (e + 1);
        }
    }

    /** The hash the decoder gave the id ({@link #uuidHash} or {@link LocalIds#hash}). */
    private int entryHash(int e) {
        int p = e << 2;
        if (data[p + 3] >= 0) {
            return uuidHash(data[p], data[p + 1]);
        }
        return LocalIds.hash(arena, (int) data[p + 1], (int) data[p]);
    }

    /**
     * Starts a file: from now on, entries of days before {@code fileCutoff} that earlier files
     * inserted are gone, as if dropped now.
     *
     * @param fileCutoff the first dedupe day kept ({@code DAY_DT} day − 2), or {@link Integer#MIN_VALUE} to drop nothing
     */
    void startFile(int fileCutoff) {
        if (fileCutoff < cutoff || generation == MAX_GEN) {
            // what is invisible now must stay gone under the lower cutoff: remove it for real
            compact();
            Arrays.fill(slots, 0);
            placeAll();
            generation = 0;
            for (int e = 0; e < size; e++) {
                data[(e << 2) + 3] &= ~((long) MAX_GEN << GEN_SHIFT);
            }
            cutoff = fileCutoff;
        } else {
            cutoff = fileCutoff;
        }
        generation++;
    }

    /**
     * Removes the invisible entries: compacts entries and arena in entry order (so the result does
     * not depend on timing). The caller rebuilds the slots. The last entry, if visible, stays last.
     */
    private void compact() {
        if (minDay >= cutoff) {
            return;
        }
        long[] d = data;
        byte[] oldArena = arena;
        byte[] newArena = new byte[Math.max(4096, arenaSize)];
        int newArenaSize = 0;
        boolean rare = !moreComponents.isEmpty() || !moreCountries.isEmpty();
        Map<Integer, BitSet> components = rare ? new HashMap<>() : moreComponents;
        Map<Integer, BitSet> countries = rare ? new HashMap<>() : moreCountries;
        int kept = 0;
        int newMin = Integer.MAX_VALUE;
        for (int e = 0; e < size; e++) {
            int p = e << 2;
            long meta = d[p + 3];
            int day = day(meta);
            if (day < cutoff && gen(meta) != generation) {
                continue;
            }
            int q = kept << 2;
            d[q] = d[p];
            d[q + 1] = d[p + 1];
            d[q + 2] = d[p + 2];
            d[q + 3] = meta;
            if (meta < 0) {
                int len = (int) d[q];
                System.arraycopy(oldArena, (int) d[q + 1], newArena, newArenaSize, len);
                d[q + 1] = newArenaSize;
                newArenaSize += len;
            }
            if (rare) {
                BitSet more = moreComponents.get(e);
                if (more != null) {
                    components.put(kept, more);
                }
                more = moreCountries.get(e);
                if (more != null) {
                    countries.put(kept, more);
                }
            }
            newMin = Math.min(newMin, day);
            kept++;
        }
        size = kept;
        arena = newArena;
        arenaSize = newArenaSize;
        moreComponents = components;
        moreCountries = countries;
        minDay = newMin;
    }

    private static int day(long meta) {
        return (int) (meta & DAY_MASK) - DAY_BIAS;
    }

    private static int gen(long meta) {
        return (int) (meta >>> GEN_SHIFT) & MAX_GEN;
    }

    private boolean hasComponent(int e, int component) {
        if (component < 64) {
            return (data[(e << 2) + 2] & (1L << component)) != 0;
        }
        BitSet more = moreComponents.get(e);
        return more != null && more.get(component);
    }

    private void addComponent(int e, int component) {
        if (component < 64) {
            data[(e << 2) + 2] |= 1L << component;
        } else {
            moreComponents.computeIfAbsent(e, x -> new BitSet()).set(component);
        }
    }

    private boolean hasCountry(int e, int countryId) {
        if (country(e) == countryId) {
            return true;
        }
        BitSet more = moreCountries.get(e);
        return more != null && more.get(countryId);
    }

    private void addCountry(int e, int countryId) {
        int current = country(e);
        if (current < 0 && countryId < INLINE_COUNTRIES - 1) {
            int p = (e << 2) + 3;
            data[p] |= (long) (countryId + 1) << COUNTRY_SHIFT;
        } else if (current != countryId) {
            moreCountries.computeIfAbsent(e, x -> new BitSet()).set(countryId);
        }
    }

    private int country(int e) {
        return (int) ((data[(e << 2) + 3] >>> COUNTRY_SHIFT) & INLINE_COUNTRIES) - 1;
    }

    /** The hash of a UUID id (any other id: {@link LocalIds#hash} of its bytes). */
    static int uuidHash(long hi, long lo) {
        long h = (hi * 0x9E3779B97F4A7C15L) ^ lo;
        h *= 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 32));
    }
}
