package io.aurabilling.dataset;

import io.aurabilling.usage.Exclusion;
import io.aurabilling.usage.UsageAggregate;
import io.aurabilling.usage.UsageKey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies, in one thread and strictly in file path order then row order, what depends on earlier
 * rows: rule 4 {@code DUPLICATE} on {@code (INTERACTION_ID, AURA_COMPONENT_ID)} and the distinct
 * requests per country; then counts billable rows into their cells.
 *
 * <p>State is one {@link DedupeDayTable} per dedupe day (UTC date of {@code AURA_TM}). A row is
 * looked up in its day's table and both neighbours', so that copies on the same or neighbouring
 * UTC days are found (which covers any two instants of one OB-local day, docs/dedupe.md) and an
 * interaction straddling midnight is one request; a duplicate found on a neighbouring day only is
 * recorded on its own day too (unless that day was dropped), so that a later copy on the day after
 * finds it. When a file in a {@code DAY_DT=P} folder starts, the tables of days before
 * {@code P − 2} are dropped: memory stays at a few days of interactions. Should a dropped day get
 * rows again (files out of day order, e.g. a late re-delivery in a much later folder),
 * {@link #lateDays()} says so and the reader reads again with a sequencer that never drops those
 * days: same-day copies are always found, and memory grows by one day's table per such day, not
 * with the month. Copies more than a day apart in {@code AURA_TM} (not on the same or
 * neighbouring UTC days) are not recognised as duplicates (documented in {@code docs/dedupe.md}).
 * Files without a {@code DAY_DT} folder drop nothing, so memory then grows with the month.
 */
final class AuditSequencer {
    private final UsageAggregate.Builder builder;
    private final SharedIds sharedIds;
    private final TreeMap<Integer, DedupeDayTable> tables = new TreeMap<>();
    private final java.util.ArrayDeque<DedupeDayTable> spareTables = new java.util.ArrayDeque<>();
    // the largest table so far: new tables start at its capacity rather than grow to it day after day
    private int largestTable;

    // every cell of the read: one index per distinct key (its parts as shared ids), all primitive,
    // looked up in the tables of its OB-local day, so that a look-up stays within one day's few
    // thousand cells (a month's hundreds of thousands in one table cost two cache misses per
    // look-up, and copies as it grew); by epoch day − cellDayBase (a read's days span a few weeks)
    private DayCells[] cellsByDay = new DayCells[64];
    private int cellDayBase = Integer.MIN_VALUE;
    private int largestDayCells;
    private DayCells lastDayCells;
    // per cell (global index): its day's table and its index there
    private CellTable[] tableOfCell = new CellTable[1024];
    private int[] indexInDay = new int[1024];
    private int cellCount;
    private long[] cellBillable = new long[1024];
    // shared id of a component / country -> its small index here (+1; 0: not seen), for the dedupe bit sets
    private int[] componentIndex = new int[64];
    private int[] countryIndex = new int[64];
    private int[] countrySharedId = new int[16];
    private int countryCount;
    private int componentCount;
    private long[] requests = new long[16];
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

    // epoch days whose table is never dropped (the second read, see lateDays())
    private final java.util.Set<Integer> keptDays;
    // days whose table was dropped, and those of them that got rows again
    private final java.util.Set<Integer> droppedDays = new java.util.HashSet<>();
    private final java.util.TreeSet<Integer> lateDays = new java.util.TreeSet<>();

    AuditSequencer(UsageAggregate.Builder builder, SharedIds sharedIds) {
        this(builder, sharedIds, java.util.Set.of());
    }

    /**
     * @param keptDays epoch days whose table is never dropped, whatever the {@code DAY_DT} folders say
     */
    AuditSequencer(UsageAggregate.Builder builder, SharedIds sharedIds, java.util.Set<Integer> keptDays) {
        this.builder = builder;
        this.sharedIds = sharedIds;
        this.keptDays = keptDays;
    }

    /**
     * The days (epoch days, UTC) that got rows after their table was dropped (files out of day
     * order, e.g. a late re-delivery in a much later {@code DAY_DT} folder): their same-day
     * duplicates could not be found, so what this sequencer built is not exact and the read must
     * be done again keeping these days. Checked when a day's table is created, so it costs nothing
     * per row.
     *
     * @return those days, in order (empty when the result is exact)
     */
    java.util.SortedSet<Integer> lateDays() {
        return java.util.Collections.unmodifiableSortedSet(lateDays);
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
                var old = tables.headMap(oldestKept).entrySet().iterator();
                while (old.hasNext()) {
                    Map.Entry<Integer, DedupeDayTable> dropped = old.next();
                    if (keptDays.contains(dropped.getKey())) {
                        continue;
                    }
                    droppedDays.add(dropped.getKey());
                    DedupeDayTable t = dropped.getValue();
                    largestTable = Math.max(largestTable, t.size());
                    t.clear();
                    spareTables.push(t);
                    old.remove();
                    cacheValid = false;
                }
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
        int[] parts = chunk.newCells;
        for (int c = 0; c < chunk.newCellCount; c++) {
            int n = fileCellCount++;
            if (n == fileCells.length) {
                fileCells = Arrays.copyOf(fileCells, n * 2);
                fileComponent = Arrays.copyOf(fileComponent, n * 2);
                fileCountry = Arrays.copyOf(fileCountry, n * 2);
                fileBillable = Arrays.copyOf(fileBillable, n * 2);
            }
            int p = c * RowChunk.CELL_PARTS;
            fileCells[n] = globalCell(parts, p);
            fileComponent[n] = componentIndex(parts[p + 2]);
            fileCountry[n] = countryIndex(parts[p + 1]);
            fileBillable[n] = 0;
        }
        for (int r = 0; r < chunk.size; r++) {
            row(chunk, r);
        }
    }

    private int globalCell(int[] parts, int p) {
        int day = parts[p];
        DayCells dayCells = lastDayCells;
        if (dayCells == null || dayCells.day != day) {
            dayCells = dayCells(day);
            lastDayCells = dayCells;
        }
        CellTable table = dayCells.table;
        int before = table.size();
        int local = table.index(day, parts[p + 1], parts[p + 2], parts[p + 3], parts[p + 4], parts[p + 5], parts[p + 6]);
        if (local < before) {
            return dayCells.global[local];
        }
        int index = cellCount++;
        if (index == cellBillable.length) {
            cellBillable = Arrays.copyOf(cellBillable, index * 2);
            tableOfCell = Arrays.copyOf(tableOfCell, index * 2);
            indexInDay = Arrays.copyOf(indexInDay, index * 2);
        }
        tableOfCell[index] = table;
        indexInDay[index] = local;
        if (local == dayCells.global.length) {
            dayCells.global = Arrays.copyOf(dayCells.global, local * 2);
        }
        dayCells.global[local] = index;
        largestDayCells = Math.max(largestDayCells, local + 1);
        return index;
    }

    private DayCells dayCells(int day) {
        if (cellDayBase == Integer.MIN_VALUE) {
            cellDayBase = day - cellsByDay.length / 2;
        }
        int at = day - cellDayBase;
        if (at < 0 || at >= cellsByDay.length) {
            // a day far from the others (any year is possible): re-base the array around both
            int low = Math.min(cellDayBase, day);
            int high = Math.max(cellDayBase + cellsByDay.length - 1, day);
            long span = (long) high - low + 1;
            if (span > Integer.MAX_VALUE / 2) {
                throw new IllegalStateException("cell days too far apart: " + low + " and " + high);
            }
            DayCells[] wider = new DayCells[(int) Math.max(span * 2, cellsByDay.length)];
            int newBase = low - (int) ((wider.length - span) / 2);
            System.arraycopy(cellsByDay, 0, wider, cellDayBase - newBase, cellsByDay.length);
            cellsByDay = wider;
            cellDayBase = newBase;
            at = day - cellDayBase;
        }
        DayCells cells = cellsByDay[at];
        if (cells == null) {
            // a day has about as many cells as the busiest so far: start at that size
            cells = new DayCells(day, largestDayCells);
            cellsByDay[at] = cells;
        }
        return cells;
    }

    /** The cells of one OB-local day: their table and their global indexes. */
    private static final class DayCells {
        final int day;
        final CellTable table;
        int[] global;

        DayCells(int day, int capacity) {
            this.day = day;
            this.table = new CellTable(capacity);
            this.global = new int[Math.max(1024, capacity)];
        }
    }

    /**
     * @param cell a global cell index
     * @param part 0 day, 1 country, 2 component, 3 app, 4 channel, 5 service, 6 preset
     * @return that part of its key
     */
    private int cellPart(int cell, int part) {
        return tableOfCell[cell].part(indexInDay[cell], part);
    }

    private int componentIndex(int sharedId) {
        if (sharedId >= componentIndex.length) {
            componentIndex = Arrays.copyOf(componentIndex, Math.max(sharedId + 1, componentIndex.length * 2));
        }
        if (componentIndex[sharedId] == 0) {
            componentIndex[sharedId] = ++componentCount;
        }
        return componentIndex[sharedId] - 1;
    }

    private int countryIndex(int sharedId) {
        if (sharedId >= countryIndex.length) {
            countryIndex = Arrays.copyOf(countryIndex, Math.max(sharedId + 1, countryIndex.length * 2));
        }
        if (countryIndex[sharedId] == 0) {
            int index = countryCount++;
            if (index == requests.length) {
                requests = Arrays.copyOf(requests, index * 2);
                duplicates = Arrays.copyOf(duplicates, index * 2);
                countrySharedId = Arrays.copyOf(countrySharedId, index * 2);
            }
            countrySharedId[index] = sharedId;
            countryIndex[sharedId] = index + 1;
        }
        return countryIndex[sharedId] - 1;
    }

    private void row(RowChunk chunk, int r) {
        int cell = chunk.cell(r);
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
        int inBefore = cachedBefore == null ? -1 : cachedBefore.findIfPresent(chunk, r, hash);
        int inAfter = cachedAfter == null ? -1 : cachedAfter.findIfPresent(chunk, r, hash);
        boolean duplicateOfSameDay = inSame >= 0 && same.hasComponent(inSame, component);
        if (duplicateOfSameDay
                || (inBefore >= 0 && cachedBefore.hasComponent(inBefore, component))
                || (inAfter >= 0 && cachedAfter.hasComponent(inAfter, component))) {
            duplicates[country]++;
            if (!duplicateOfSameDay && (same != null || !droppedDays.contains(day))) {
                // a copy found on a neighbouring day only is kept on its own day too, so that a
                // later copy on the day after finds it (rare: no cost per row); not on a day
                // already dropped, whose state a duplicate alone must not bring back (a re-read)
                record(day, same, inSame, chunk, r, hash, component, -1);
            }
            return;
        }
        fileBillable[cell]++;
        boolean requestCounted = (inSame >= 0 && same.hasCountry(inSame, country))
                || (inBefore >= 0 && cachedBefore.hasCountry(inBefore, country))
                || (inAfter >= 0 && cachedAfter.hasCountry(inAfter, country));
        if (!requestCounted) {
            requests[country]++;
        }
        record(day, same, inSame, chunk, r, hash, component, country);
    }

    /**
     * Records a row in its own day's table: its component, and its country when it is billable.
     *
     * @param same the day's table, {@code null} when it has none yet
     * @param inSame the row's entry there, or {@code ~slot} as {@link DedupeDayTable#find} gave it
     * @param country the row's country, or -1 for a duplicate (not a request)
     */
    private void record(int day, DedupeDayTable same, int inSame, RowChunk chunk, int r, int hash, int component,
                        int country) {
        if (same == null) {
            same = newTable(day);
            inSame = same.find(chunk, r, hash);
        }
        if (inSame < 0) {
            inSame = same.insertAt(~inSame, chunk, r, hash);
        }
        same.addComponent(inSame, component);
        if (country >= 0) {
            same.addCountry(inSame, country);
        }
    }

    /** Creates (or reuses) the table of a day that has none, noting a day that was dropped before. */
    private DedupeDayTable newTable(int day) {
        if (droppedDays.contains(day)) {
            lateDays.add(day);
        }
        DedupeDayTable table;
        if (spareTables.isEmpty()) {
            // a day is about as busy as the busiest so far (held or dropped): start at its size
            int capacity = largestTable;
            for (DedupeDayTable held : tables.values()) {
                capacity = Math.max(capacity, held.size());
            }
            // (no headroom: it would often double the slots, and a slightly busier day grows once)
            table = new DedupeDayTable(capacity);
        } else {
            table = spareTables.pop();
        }
        tables.put(day, table);
        cacheValid = false;
        return table;
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
        String[] texts = sharedIds.texts();
        new CellOrder(texts).addCellsInOrder();
        for (int c = 0; c < countryCount; c++) {
            String country = texts[countrySharedId[c]];
            exclude(country, Exclusion.DUPLICATE, duplicates[c]);
            if (requests[c] > 0) {
                builder.addRequests(country, requests[c]);
            }
        }
    }

    // the parts of UsageKey#ORDER as CellTable parts: country, day, component, app, channel, service, preset
    private static final int[] ORDER_PARTS = {1, 0, 2, 3, 4, 5, 6};

    /**
     * The cells in {@link UsageKey#ORDER}, handed to the builder in that order (it then builds the
     * aggregate in one pass, whatever the files and threads). Each part of a key is replaced by its
     * rank among the distinct values of that part (null last; days from the first), and the ranks
     * plus the cell index packed into one {@code long}, radix-sorted; keys are then made from the
     * sorted longs alone, sharing one {@code String} per text and one {@code LocalDate} per day (the
     * builder's comparisons mostly end on identity). When the ranks do not fit in a long, a
     * comparator on them.
     */
    private final class CellOrder {
        private final int n = cellCount;
        private final int firstDay;
        /** Per part (in ORDER_PARTS order, the day's unused): the rank of each text id among the texts the part uses. */
        private final int[][] rankOfId = new int[ORDER_PARTS.length][];
        /** Per part: the rank of null (after every text). */
        private final int[] nullRank = new int[ORDER_PARTS.length];
        /** Per part (in ORDER_PARTS order): the value of each rank (days: unused). */
        private final String[][] valueOfRank = new String[ORDER_PARTS.length][];
        private final int[] bits = new int[ORDER_PARTS.length];
        private final LocalDate[] days;

        CellOrder(String[] texts) {
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            // one pass over the cells: the day range, and which texts each part uses
            boolean[][] used = new boolean[ORDER_PARTS.length][texts.length];
            for (int i = 0; i < n; i++) {
                CellTable table = tableOfCell[i];
                int local = indexInDay[i];
                int day = table.part(local, 0);
                first = Math.min(first, day);
                last = Math.max(last, day);
                for (int d = 0; d < ORDER_PARTS.length; d++) {
                    int part = ORDER_PARTS[d];
                    if (part != 0) {
                        int id = table.part(local, part);
                        if (id >= 0) {
                            used[d][id] = true;
                        }
                    }
                }
            }
            firstDay = first;
            days = new LocalDate[n == 0 ? 0 : last - first + 1];
            for (int d = 0; d < days.length; d++) {
                days[d] = LocalDate.ofEpochDay((long) first + d);
            }
            // every text's position in text order
            Integer[] byText = new Integer[texts.length];
            for (int i = 0; i < byText.length; i++) {
                byText[i] = i;
            }
            Arrays.sort(byText, (x, y) -> texts[x].compareTo(texts[y]));
            for (int d = 0; d < ORDER_PARTS.length; d++) {
                if (ORDER_PARTS[d] == 0) {
                    bits[d] = bitsFor(days.length);
                    continue;
                }
                // ranks among the texts this part uses, so that they pack into few bits
                int[] rankOf = new int[texts.length];
                List<String> values = new ArrayList<>();
                for (int id : byText) {
                    if (used[d][id]) {
                        rankOf[id] = values.size();
                        values.add(texts[id]);
                    }
                }
                nullRank[d] = values.size();
                values.add(null);
                rankOfId[d] = rankOf;
                valueOfRank[d] = values.toArray(new String[0]);
                bits[d] = bitsFor(nullRank[d] + 1);
            }
        }

        /** @return the rank of a cell's part ({@code d} in ORDER_PARTS order) */
        private int rank(int d, int cell) {
            return rankOfValue(d, cellPart(cell, ORDER_PARTS[d]));
        }

        /** @return the rank of the value of part {@code d} (in ORDER_PARTS order) */
        private int rankOfValue(int d, int value) {
            if (ORDER_PARTS[d] == 0) {
                return value - firstDay;
            }
            return value < 0 ? nullRank[d] : rankOfId[d][value];
        }

        void addCellsInOrder() {
            int indexBits = bitsFor(n);
            int total = indexBits;
            for (int b : bits) {
                total += b;
            }
            if (total > 63) {
                addCellsByComparator();
                return;
            }
            long[] packed = new long[n];
            for (int i = 0; i < n; i++) {
                CellTable table = tableOfCell[i];
                int local = indexInDay[i];
                long k = 0;
                for (int d = 0; d < ORDER_PARTS.length; d++) {
                    k = (k << bits[d]) | rankOfValue(d, table.part(local, ORDER_PARTS[d]));
                }
                packed[i] = (k << indexBits) | i;
            }
            // the index bits need no pass: distinct cells never share all their ranks
            radixSort(packed, indexBits, total);
            builder.expectCells(n);
            int[] ranks = new int[ORDER_PARTS.length];
            long indexMask = (1L << indexBits) - 1;
            for (long k : packed) {
                int i = (int) (k & indexMask);
                if (cellBillable[i] == 0) {
                    continue;
                }
                long rest = k >>> indexBits;
                for (int d = ORDER_PARTS.length - 1; d >= 0; d--) {
                    ranks[d] = (int) (rest & ((1L << bits[d]) - 1));
                    rest >>>= bits[d];
                }
                builder.addCell(key(ranks), cellBillable[i]);
            }
        }

        private void addCellsByComparator() {
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, (x, y) -> {
                for (int d = 0; d < ORDER_PARTS.length; d++) {
                    int c = Integer.compare(rank(d, x), rank(d, y));
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            });
            int[] ranks = new int[ORDER_PARTS.length];
            for (int i : boxed) {
                if (cellBillable[i] > 0) {
                    for (int d = 0; d < ORDER_PARTS.length; d++) {
                        ranks[d] = rank(d, i);
                    }
                    builder.addCell(key(ranks), cellBillable[i]);
                }
            }
        }

        /** The key of a cell from its ranks in ORDER_PARTS order. */
        private UsageKey key(int[] r) {
            return new UsageKey(valueOfRank[0][r[0]], days[r[1]], valueOfRank[2][r[2]], valueOfRank[3][r[3]],
                    valueOfRank[4][r[4]], valueOfRank[5][r[5]], valueOfRank[6][r[6]]);
        }
    }

    /**
     * Sorts non-negative longs by their bits {@code [fromBit, toBit)} (stable; the bits below
     * {@code fromBit} keep their input order), least significant digit first, eleven bits a pass (a few linear passes instead of n log n comparisons; the cells of a
     * month number hundreds of thousands and are sorted while nothing else runs).
     */
    static void radixSort(long[] a, int fromBit, int toBit) {
        int n = a.length;
        long[] from = a;
        long[] to = new long[n];
        int[] count = new int[1 << 11];
        for (int shift = fromBit; shift < toBit; shift += 11) {
            Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) (from[i] >>> shift) & 0x7FF]++;
            }
            int sum = 0;
            for (int d = 0; d < count.length; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                long v = from[i];
                to[count[(int) (v >>> shift) & 0x7FF]++] = v;
            }
            long[] t = from;
            from = to;
            to = t;
        }
        if (from != a) {
            System.arraycopy(from, 0, a, 0, n);
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
}
