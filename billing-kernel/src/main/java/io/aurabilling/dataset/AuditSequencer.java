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
    private final java.util.ArrayDeque<DedupeDayTable> spareTables = new java.util.ArrayDeque<>();
    private final Map<String, Integer> componentIds = new HashMap<>();
    private final Map<String, Integer> countryIds = new HashMap<>();
    private final List<String> countries = new ArrayList<>();
    private long[] requests = new long[16];

    // every cell of the read: one global index per distinct key, billable rows counted per index
    private final Map<UsageKey, Integer> cellIndex = new HashMap<>();
    private final List<UsageKey> cells = new ArrayList<>();
    private int[] cellComponent = new int[1024];
    private int[] cellCountry = new int[1024];
    // per cell, its parts as ids of their own value lists (day: epoch day), given when the cell
    // first appears, so that sorting at the end only ranks the few distinct values
    private final CellParts parts = new CellParts();
    private long[] cellBillable = new long[1024];
    private long[] duplicates = new long[16];

    // the current file: its cell indexes to global ones, and per file cell its component and country
    // ids and billable rows so far; small arrays, so that a row touches no array of the month's cells
    private int[] fileCells = new int[1024];
    private int[] fileComponent = new int[1024];
    private int[] fileCountry = new int[1024];
    private long[] fileBillable = new long[1024];
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
                // dropped tables are reused: their grown arrays are not reallocated day after day
                java.util.SortedMap<Integer, DedupeDayTable> old = tables.headMap(oldestKept);
                for (DedupeDayTable t : old.values()) {
                    t.clear();
                    spareTables.push(t);
                }
                old.clear();
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
            int n = fileCellCount++;
            if (n == fileCells.length) {
                fileCells = Arrays.copyOf(fileCells, n * 2);
                fileComponent = Arrays.copyOf(fileComponent, n * 2);
                fileCountry = Arrays.copyOf(fileCountry, n * 2);
                fileBillable = Arrays.copyOf(fileBillable, n * 2);
            }
            int global = globalCell(key);
            fileCells[n] = global;
            fileComponent[n] = cellComponent[global];
            fileCountry[n] = cellCountry[global];
            fileBillable[n] = 0;
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
        parts.add(key);
        return index;
    }

    private void row(RowChunk chunk, int r) {
        int cell = chunk.cell[r];
        int component = fileComponent[cell];
        int country = fileCountry[cell];
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
        fileBillable[cell]++;
        boolean requestCounted = (inSame >= 0 && same.hasCountry(inSame, country))
                || (inBefore >= 0 && cachedBefore.hasCountry(inBefore, country))
                || (inAfter >= 0 && cachedAfter.hasCountry(inAfter, country));
        if (!requestCounted) {
            requests[country]++;
        }
        if (same == null) {
            same = spareTables.isEmpty() ? new DedupeDayTable() : spareTables.pop();
            tables.put(day, same);
            cacheValid = false;
            inSame = same.find(chunk, r, hash);
        }
        if (inSame < 0) {
            inSame = same.insertAt(~inSame, chunk, r, hash);
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
        for (int i = 0; i < fileCellCount; i++) {
            cellBillable[fileCells[i]] += fileBillable[i];
        }
        fileCellCount = 0;
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
        // fresh keys made in that order from one String / LocalDate per distinct value: the builder's
        // hashing and sorting then walk compact, cache-warm memory, not keys scattered over the heap
        CellParts.Canonical canonical = parts.canonical(cells.size());
        for (int i : sortedCells()) {
            if (cellBillable[i] > 0) {
                builder.addCell(canonical.key(i), cellBillable[i]);
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
        int[][] rank = parts.ranks(n);
        int[] bits = new int[CellParts.PARTS];
        int indexBits = bitsFor(n);
        int total = indexBits;
        for (int d = 0; d < CellParts.PARTS; d++) {
            int max = 0;
            for (int i = 0; i < n; i++) {
                max = Math.max(max, rank[d][i]);
            }
            bits[d] = bitsFor(max + 1);
            total += bits[d];
        }
        int[] order = new int[n];
        if (total <= 63) {
            long[] packed = new long[n];
            for (int i = 0; i < n; i++) {
                long k = 0;
                for (int d = 0; d < CellParts.PARTS; d++) {
                    k = (k << bits[d]) | rank[d][i];
                }
                packed[i] = (k << indexBits) | i;
            }
            Arrays.sort(packed);
            long mask = (1L << indexBits) - 1;
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
            for (int d = 0; d < CellParts.PARTS; d++) {
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

    /** The parts of every cell key as small ids, and their ranks in {@link UsageKey#ORDER}. */
    private static final class CellParts {
        static final int PARTS = 7;
        // 0 country, 2 component, 3 app, 4 channel, 5 service, 6 preset: value ids; 1: epoch day
        private final List<Map<String, Integer>> ids = new ArrayList<>();
        private final List<List<String>> values = new ArrayList<>();
        private int[][] part = new int[PARTS][1024];
        private int size;

        CellParts() {
            for (int d = 0; d < PARTS; d++) {
                ids.add(new HashMap<>());
                values.add(new ArrayList<>());
            }
        }

        void add(UsageKey key) {
            if (size == part[0].length) {
                for (int d = 0; d < PARTS; d++) {
                    part[d] = Arrays.copyOf(part[d], size * 2);
                }
            }
            part[0][size] = id(0, key.country());
            part[1][size] = (int) key.day().toEpochDay();
            part[2][size] = id(2, key.componentId());
            part[3][size] = id(3, key.appId());
            part[4][size] = id(4, key.channelId());
            part[5][size] = id(5, key.service());
            part[6][size] = id(6, key.preset());
            size++;
        }

        private int id(int d, String value) {
            if (value == null) {
                return -1;
            }
            Integer known = ids.get(d).get(value);
            if (known == null) {
                known = values.get(d).size();
                values.get(d).add(value);
                ids.get(d).put(value, known);
            }
            return known;
        }

        /** The values of every part as arrays, and one {@link LocalDate} per day seen. */
        Canonical canonical(int n) {
            String[][] text = new String[PARTS][];
            for (int d = 0; d < PARTS; d++) {
                text[d] = values.get(d).toArray(new String[0]);
            }
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                min = Math.min(min, part[1][i]);
                max = Math.max(max, part[1][i]);
            }
            LocalDate[] days = new LocalDate[n == 0 ? 0 : max - min + 1];
            for (int i = 0; i < days.length; i++) {
                days[i] = LocalDate.ofEpochDay((long) min + i);
            }
            return new Canonical(text, days, min);
        }

        /** Builds a cell's key from the shared values. */
        final class Canonical {
            private final String[][] text;
            private final LocalDate[] days;
            private final int firstDay;

            Canonical(String[][] text, LocalDate[] days, int firstDay) {
                this.text = text;
                this.days = days;
                this.firstDay = firstDay;
            }

            UsageKey key(int i) {
                return new UsageKey(value(0, i), days[part[1][i] - firstDay], value(2, i), value(3, i), value(4, i),
                        value(5, i), value(6, i));
            }

            private String value(int d, int i) {
                int id = part[d][i];
                return id < 0 ? null : text[d][id];
            }
        }

        /** @return per part, per cell: its rank among the part's values (null last; days from the first) */
        int[][] ranks(int n) {
            int[][] rank = new int[PARTS][n];
            for (int d = 0; d < PARTS; d++) {
                int[] p = part[d];
                if (d == 1) {
                    int min = Integer.MAX_VALUE;
                    for (int i = 0; i < n; i++) {
                        min = Math.min(min, p[i]);
                    }
                    for (int i = 0; i < n; i++) {
                        rank[d][i] = p[i] - min;
                    }
                    continue;
                }
                List<String> v = values.get(d);
                Integer[] byValue = new Integer[v.size()];
                for (int i = 0; i < byValue.length; i++) {
                    byValue[i] = i;
                }
                Arrays.sort(byValue, (x, y) -> v.get(x).compareTo(v.get(y)));
                int[] rankOfId = new int[v.size()];
                for (int r = 0; r < byValue.length; r++) {
                    rankOfId[byValue[r]] = r;
                }
                for (int i = 0; i < n; i++) {
                    rank[d][i] = p[i] < 0 ? v.size() : rankOfId[p[i]];
                }
            }
            return rank;
        }
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
