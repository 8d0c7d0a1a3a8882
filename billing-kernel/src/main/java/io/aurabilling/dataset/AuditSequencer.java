package io.aurabilling.dataset;

import io.aurabilling.usage.Exclusion;
import io.aurabilling.usage.UsageAggregate;
import io.aurabilling.usage.UsageKey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies, in one thread and strictly in file path order then row order, what depends on earlier
 * rows: rule 4 {@code DUPLICATE} on {@code (INTERACTION_ID, AURA_COMPONENT_ID)} and the distinct
 * requests per country; then counts billable rows into their cells.
 *
 * <p>State is one {@link DedupeDayTable} per dedupe day (UTC date of {@code AURA_TM}). A row is
 * looked up in its day's table and both neighbours', so an interaction straddling midnight is one
 * request and its duplicates are still found. When a file in a {@code DAY_DT=P} folder starts, the
 * tables of days before {@code P − 2} are dropped: memory stays at a few days of interactions.
 * Consequence (documented in {@code docs/dedupe.md}): copies of a key in {@code DAY_DT} folders
 * more than about two days apart, or more than a day apart in {@code AURA_TM}, are not recognised
 * as duplicates. Files without a {@code DAY_DT} folder drop nothing, so memory then grows with the
 * month.
 */
final class AuditSequencer {
    private final UsageAggregate.Builder builder;
    private final TreeMap<Integer, DedupeDayTable> tables = new TreeMap<>();
    private final Map<String, Integer> componentIds = new HashMap<>();
    private final Map<String, Integer> countryIds = new HashMap<>();
    private final List<String> countries = new ArrayList<>();
    private long[] requests = new long[16];

    // every cell of the read: one global index per distinct key, billable rows counted per index
    private final Map<UsageKey, Integer> cellIndex = new HashMap<>();
    private final List<UsageKey> cells = new ArrayList<>();
    private int[] cellComponent = new int[1024];
    private int[] cellCountry = new int[1024];
    private long[] cellBillable = new long[1024];
    private long[] duplicates = new long[16];

    // the current file: its cell indexes to global ones
    private int[] fileCells = new int[1024];
    private int fileCellCount;

    // tables of the last day looked up; reset whenever a table is created or dropped
    private int cachedDay;
    private boolean cacheValid;
    private DedupeDayTable cachedSame;
    private DedupeDayTable cachedBefore;
    private DedupeDayTable cachedAfter;

    AuditSequencer(UsageAggregate.Builder builder) {
        this.builder = builder;
    }

    /** @return the dedupe tables currently held (for tests of eviction) */
    int tablesHeld() {
        return tables.size();
    }

    /**
     * Starts a file: drops the tables too old for its {@code DAY_DT} folder day.
     *
     * @param relativePath the file's path
     */
    void startFile(String relativePath) {
        LocalDate folderDay = DatasetPaths.folderDay(relativePath);
        if (folderDay != null) {
            int oldestKept = (int) folderDay.toEpochDay() - 2;
            if (!tables.isEmpty() && tables.firstKey() < oldestKept) {
                tables.headMap(oldestKept).clear();
                cacheValid = false;
            }
        }
        fileCellCount = 0;
    }

    /**
     * Applies a chunk of the current file.
     *
     * @param chunk the chunk
     */
    void accept(RowChunk chunk) {
        for (UsageKey key : chunk.newCells) {
            if (fileCellCount == fileCells.length) {
                fileCells = Arrays.copyOf(fileCells, fileCellCount * 2);
            }
            fileCells[fileCellCount++] = globalCell(key);
        }
        for (int r = 0; r < chunk.size; r++) {
            row(chunk, r);
        }
    }

    private int globalCell(UsageKey key) {
        Integer known = cellIndex.get(key);
        if (known != null) {
            return known;
        }
        int index = cells.size();
        if (index == cellComponent.length) {
            int capacity = index * 2;
            cellComponent = Arrays.copyOf(cellComponent, capacity);
            cellCountry = Arrays.copyOf(cellCountry, capacity);
            cellBillable = Arrays.copyOf(cellBillable, capacity);
        }
        cells.add(key);
        cellIndex.put(key, index);
        cellComponent[index] = componentIds.computeIfAbsent(key.componentId(), c -> componentIds.size());
        cellCountry[index] = countryId(key.country());
        return index;
    }

    private void row(RowChunk chunk, int r) {
        int cell = fileCells[chunk.cell[r]];
        int component = cellComponent[cell];
        int country = cellCountry[cell];
        int day = chunk.dedupeDay[r];
        if (!cacheValid || day != cachedDay) {
            cachedDay = day;
            cachedSame = tables.get(day);
            cachedBefore = tables.get(day - 1);
            cachedAfter = tables.get(day + 1);
            cacheValid = true;
        }
        int hash = DedupeDayTable.hash(chunk, r);
        DedupeDayTable same = cachedSame;
        int inSame = same == null ? -1 : same.find(chunk, r, hash);
        int inBefore = cachedBefore == null ? -1 : cachedBefore.find(chunk, r, hash);
        int inAfter = cachedAfter == null ? -1 : cachedAfter.find(chunk, r, hash);
        if ((inSame >= 0 && same.hasComponent(inSame, component))
                || (inBefore >= 0 && cachedBefore.hasComponent(inBefore, component))
                || (inAfter >= 0 && cachedAfter.hasComponent(inAfter, component))) {
            duplicates[country]++;
            return;
        }
        cellBillable[cell]++;
        boolean requestCounted = (inSame >= 0 && same.hasCountry(inSame, country))
                || (inBefore >= 0 && cachedBefore.hasCountry(inBefore, country))
                || (inAfter >= 0 && cachedAfter.hasCountry(inAfter, country));
        if (!requestCounted) {
            requests[country]++;
        }
        if (same == null) {
            same = new DedupeDayTable();
            tables.put(day, same);
            cacheValid = false;
        }
        if (inSame < 0) {
            inSame = same.insert(chunk, r, hash);
        }
        same.addComponent(inSame, component);
        same.addCountry(inSame, country);
    }

    /**
     * Ends the current file: its rule 1-3 exclusions and lineage go to the builder.
     *
     * @param end the file's end
     */
    void endFile(AuditFileDecoder.FileEnd end) {
        new TreeMap<>(end.excluded()).forEach((country, counts) -> {
            exclude(country, Exclusion.MISSING_KEY, counts[0]);
            exclude(country, Exclusion.BAD_TIMESTAMP, counts[1]);
            exclude(country, Exclusion.OUT_OF_PERIOD, counts[2]);
        });
        builder.addInput(end.input());
    }

    /** Adds the cells, duplicates and distinct requests of every country; call once, after the last file. */
    void finish() {
        // in cell order: the builder then builds the aggregate in one pass, whatever the files and threads
        for (int i : sortedCells()) {
            if (cellBillable[i] > 0) {
                builder.addCell(cells.get(i), cellBillable[i]);
            }
        }
        for (int c = 0; c < countries.size(); c++) {
            exclude(countries.get(c), Exclusion.DUPLICATE, duplicates[c]);
            if (requests[c] > 0) {
                builder.addRequests(countries.get(c), requests[c]);
            }
        }
    }

    /**
     * The cell indexes in {@link UsageKey#ORDER}: each part of the key is replaced by its rank
     * among the distinct values of that part, and the ranks (plus the index) packed into one
     * {@code long} sorted as primitives; when they do not fit, a comparator on the ranks.
     */
    private int[] sortedCells() {
        int n = cells.size();
        int[][] rank = new int[7][];
        rank[0] = ranks(n, UsageKey::country);
        rank[1] = ranks(n, k -> k.day().toEpochDay());
        rank[2] = ranks(n, UsageKey::componentId);
        rank[3] = ranks(n, UsageKey::appId);
        rank[4] = ranks(n, UsageKey::channelId);
        rank[5] = ranks(n, UsageKey::service);
        rank[6] = ranks(n, UsageKey::preset);
        int[] bits = new int[7];
        int total = bitsFor(n);
        for (int d = 0; d < 7; d++) {
            int max = 0;
            for (int r : rank[d]) {
                max = Math.max(max, r);
            }
            bits[d] = bitsFor(max + 1);
            total += bits[d];
        }
        int[] order = new int[n];
        if (total <= 63) {
            long[] packed = new long[n];
            for (int i = 0; i < n; i++) {
                long k = 0;
                for (int d = 0; d < 7; d++) {
                    k = (k << bits[d]) | rank[d][i];
                }
                packed[i] = (k << bitsFor(n)) | i;
            }
            Arrays.sort(packed);
            long mask = (1L << bitsFor(n)) - 1;
            for (int i = 0; i < n; i++) {
                order[i] = (int) (packed[i] & mask);
            }
            return order;
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (x, y) -> {
            for (int d = 0; d < 7; d++) {
                int c = Integer.compare(rank[d][x], rank[d][y]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    /** Ranks of one key part over all cells: natural order, {@code null} last. */
    private <T extends Comparable<T>> int[] ranks(int n, java.util.function.Function<UsageKey, T> part) {
        Map<T, Integer> distinct = new HashMap<>();
        boolean hasNull = false;
        for (int i = 0; i < n; i++) {
            T value = part.apply(cells.get(i));
            if (value == null) {
                hasNull = true;
            } else {
                distinct.putIfAbsent(value, 0);
            }
        }
        List<T> values = new ArrayList<>(distinct.keySet());
        values.sort(null);
        for (int r = 0; r < values.size(); r++) {
            distinct.put(values.get(r), r);
        }
        int nullRank = values.size();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            T value = part.apply(cells.get(i));
            out[i] = value == null ? nullRank : distinct.get(value);
        }
        return out;
    }

    private static int bitsFor(int count) {
        return count <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(count - 1);
    }

    private void exclude(String country, Exclusion exclusion, long rows) {
        if (rows > 0) {
            builder.exclude(country, exclusion, rows);
        }
    }

    private int countryId(String country) {
        Integer id = countryIds.get(country);
        if (id == null) {
            id = countries.size();
            countries.add(country);
            countryIds.put(country, id);
            if (id == requests.length) {
                requests = Arrays.copyOf(requests, id * 2);
                duplicates = Arrays.copyOf(duplicates, id * 2);
            }
        }
        return id;
    }
}
