package io.aurabilling.dataset;

import java.util.Arrays;

/**
 * Cells keyed by seven ints (OB-local epoch day, then the ids of country, component, app, channel,
 * service and preset, {@code -1} for null), numbered 0, 1, 2… in order of first appearance: a
 * file's cells in a decoder ({@link LocalIds}), a day's cells in the sequencer ({@link SharedIds}).
 * Open addressing over one int array; not thread-safe.
 */
final class CellTable {
    private static final int WIDTH = 7;

    private int[] slots;
    private int[] keys;
    private int size;

    /** A table for 8192 cells before it grows (a file of a day typically has thousands). */
    CellTable() {
        this(8192);
    }

    /** @param capacity cells to make room for at once (e.g. the cells of a previous day) */
    CellTable(int capacity) {
        int cells = Integer.highestOneBit(Math.max(1024, capacity) - 1) * 2;
        slots = new int[cells * 2];
        // keys for exactly that many (seven ints each, the hash recomputed when the slots grow):
        // a month's busiest day, 16 k cells rounded up to a power of two at eight ints, just
        // exceeded half a G1 region of a heap of up to 2 GiB, so each day's table took a region
        // of its own, half empty (33 MB of regions per 10 M-row month)
        keys = new int[Math.max(1024, capacity) * WIDTH];
    }

    /** Forgets every cell, keeping the arrays. */
    void clear() {
        if (size > 0) {
            java.util.Arrays.fill(slots, 0);
            size = 0;
        }
    }

    /** @return the cells so far */
    int size() {
        return size;
    }

    /**
     * The index of a cell, added when new ({@link #size()} grows by one then).
     *
     * @return the cell's index
     */
    int index(int day, int country, int component, int app, int channel, int service, int preset) {
        int h = hash(day, country, component, app, channel, service, preset);
        int mask = slots.length - 1;
        int i = h & mask;
        int[] k = keys;
        while (true) {
            int e = slots[i] - 1;
            if (e < 0) {
                return add(i, day, country, component, app, channel, service, preset);
            }
            int p = e * WIDTH;
            if (k[p] == day && k[p + 1] == country && k[p + 2] == component && k[p + 3] == app
                    && k[p + 4] == channel && k[p + 5] == service && k[p + 6] == preset) {
                return e;
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * @param cell a cell index
     * @param part 0 day, 1 country, 2 component, 3 app, 4 channel, 5 service, 6 preset
     * @return that part of its key
     */
    int part(int cell, int part) {
        return keys[cell * WIDTH + part];
    }

    private int add(int slot, int day, int country, int component, int app, int channel, int service, int preset) {
        int e = size++;
        int p = e * WIDTH;
        if (p + WIDTH > keys.length) {
            keys = Arrays.copyOf(keys, keys.length * 2);
        }
        keys[p] = day;
        keys[p + 1] = country;
        keys[p + 2] = component;
        keys[p + 3] = app;
        keys[p + 4] = channel;
        keys[p + 5] = service;
        keys[p + 6] = preset;
        slots[slot] = e + 1;
        if (size * 2 > slots.length) {
            slots = new int[slots.length * 2];
            int mask = slots.length - 1;
            for (int c = 0; c < size; c++) {
                int q = c * WIDTH;
                int i = hash(keys[q], keys[q + 1], keys[q + 2], keys[q + 3], keys[q + 4], keys[q + 5], keys[q + 6]) & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = c + 1;
            }
        }
        return e;
    }

    private static int hash(int day, int country, int component, int app, int channel, int service, int preset) {
        long h = day * 0x9E3779B97F4A7C15L;
        h = (h ^ country) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ component) * 0x9E3779B97F4A7C15L;
        h = (h ^ app) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ channel) * 0x9E3779B97F4A7C15L;
        h = (h ^ service) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ preset) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
