package io.aurabilling.usage;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The result of reading and aggregating a month of {@code Aura_Audit}: billable usage
 * cells of every country, the row accounting per country, distinct requests per
 * country, and the input files (lineage). It is what any reader (the embedded one,
 * Spark) hands to the engine.
 *
 * <p>Aggregates merge associatively and commutatively with {@link #merge}: cell counts,
 * row counts and request counts add up, inputs are united. Merging is exact for
 * partial aggregates built from disjoint sets of interactions (for example, different
 * days): deduplication and distinct requests happen before partial aggregates are made.
 *
 * <p>Rows whose country is null or blank are accounted under the country {@code ""}:
 * they show in the run's counts and in no invoice.
 */
public final class UsageAggregate {
    private static final UsageAggregate EMPTY = new Builder().build();

    // the cells as two parallel arrays in UsageKey order, distinct keys: a month has hundreds of
    // thousands of cells, and a map entry, a boxed count and a tree node per cell cost readers a
    // single-threaded pass at the end of every read; the map is made only for whoever asks for it
    private final UsageKey[] keys;
    private final long[] queries;
    private final SortedMap<String, RowAccounting> rows;
    private final SortedMap<String, Long> requests;
    private final List<InputFile> inputs;
    private final List<UsageCell> cellList = new CellList();
    private volatile SortedMap<UsageKey, Long> cellMap;

    private UsageAggregate(UsageKey[] keys, long[] queries, SortedMap<String, RowAccounting> rows,
                           SortedMap<String, Long> requests, List<InputFile> inputs) {
        this.keys = keys;
        this.queries = queries;
        this.rows = Collections.unmodifiableSortedMap(rows);
        this.requests = Collections.unmodifiableSortedMap(requests);
        this.inputs = List.copyOf(inputs);
    }

    /** @return an aggregate with nothing in it */
    public static UsageAggregate empty() {
        return EMPTY;
    }

    /** @return a builder for a new aggregate */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the billable cells of every country, in {@link UsageKey#ORDER} */
    public List<UsageCell> cells() {
        return cellList;
    }

    /** @return cell keys to query counts, sorted (made on the first call) */
    public SortedMap<UsageKey, Long> cellMap() {
        SortedMap<UsageKey, Long> map = cellMap;
        if (map == null) {
            // keys are sorted and distinct: TreeMap builds from a sorted map in one linear pass
            map = Collections.unmodifiableSortedMap(new TreeMap<>(new SortedRun(keys, queries)));
            cellMap = map;
        }
        return map;
    }

    /** The cells as an immutable list over the arrays (a {@link UsageCell} per element read). */
    private final class CellList extends AbstractList<UsageCell> implements RandomAccess {
        @Override
        public UsageCell get(int index) {
            return new UsageCell(keys[index], queries[index]);
        }

        @Override
        public int size() {
            return keys.length;
        }
    }

    /** @return row accounting per country (including {@code ""} for rows with no country), sorted */
    public SortedMap<String, RowAccounting> rowsByCountry() {
        return rows;
    }

    /**
     * The row accounting of one country.
     *
     * @param country the country code
     * @return its rows, {@link RowAccounting#EMPTY} when none
     */
    public RowAccounting rows(String country) {
        return rows.getOrDefault(country, RowAccounting.EMPTY);
    }

    /** @return the row accounting of the whole aggregate */
    public RowAccounting totalRows() {
        RowAccounting total = RowAccounting.EMPTY;
        for (RowAccounting r : rows.values()) {
            total = total.plus(r);
        }
        return total;
    }

    /** @return distinct {@code INTERACTION_ID}s among billable rows, per country, sorted */
    public SortedMap<String, Long> requestsByCountry() {
        return requests;
    }

    /**
     * Distinct requests of one country.
     *
     * @param country the country code
     * @return the number of distinct interactions among its billable rows
     */
    public long requests(String country) {
        return requests.getOrDefault(country, 0L);
    }

    /** @return the input files, sorted by dataset then file */
    public List<InputFile> inputs() {
        return inputs;
    }

    /**
     * Merges two aggregates: counts add up, inputs are united.
     *
     * @param other the other aggregate
     * @return the merged aggregate
     */
    public UsageAggregate merge(UsageAggregate other) {
        Builder b = new Builder();
        b.addAll(this);
        b.addAll(other);
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UsageAggregate other && Arrays.equals(keys, other.keys)
                && Arrays.equals(queries, other.queries) && rows.equals(other.rows)
                && requests.equals(other.requests) && inputs.equals(other.inputs);
    }

    @Override
    public int hashCode() {
        // the hash code of cellMap(), without making it
        int cellsHash = 0;
        for (int i = 0; i < keys.length; i++) {
            cellsHash += keys[i].hashCode() ^ Long.hashCode(queries[i]);
        }
        return cellsHash * 31 + rows.hashCode();
    }

    @Override
    public String toString() {
        return "UsageAggregate[cells=" + keys.length + ", " + totalRows().summaryLine()
                + ", inputs=" + inputs.size() + "]";
    }

    /**
     * Accumulates an aggregate. Not thread-safe: give each thread its own builder and
     * merge the results.
     *
     * <p>Cells may be added in any order; adding them in {@link UsageKey#ORDER} (as readers of
     * large months do) makes {@link #build} linear in the number of cells instead of n log n.
     */
    public static final class Builder {
        // insertion order kept: cells added already sorted are built without a sort or tree inserts
        private final Map<UsageKey, long[]> cells = new LinkedHashMap<>();
        // while every cell added so far came in strictly increasing key order: kept here, not hashed
        // (readers add hundreds of thousands of distinct cells in order); moved to the map otherwise
        private final ArrayList<UsageKey> runKeys = new ArrayList<>();
        private long[] runQueries = new long[16];
        private String lastCountry;
        private long[] lastCountryRows;
        private final Map<String, long[]> rows = new HashMap<>();
        private final Map<String, long[]> requests = new HashMap<>();
        private final List<InputFile> inputs = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds billable queries to a cell (and counts them as billable rows of its country).
         *
         * @param key the cell
         * @param queries how many rows
         * @return this builder
         */
        public Builder addCell(UsageKey key, long queries) {
            requireNonNull(key, "key is null");
            if (queries < 0) {
                throw new IllegalArgumentException("queries is negative: " + queries);
            }
            int run = runKeys.size();
            if (cells.isEmpty() && (run == 0 || runKeys.get(run - 1).compareTo(key) < 0)) {
                if (run == runQueries.length) {
                    runQueries = Arrays.copyOf(runQueries, run * 2);
                }
                runKeys.add(key);
                runQueries[run] = queries;
            } else {
                moveRunToMap();
                cells.computeIfAbsent(key, k -> new long[1])[0] += queries;
            }
            String country = key.country();
            if (country != lastCountry) {
                lastCountryRows = rowCounts(country);
                lastCountry = country;
            }
            lastCountryRows[0] += queries;
            return this;
        }

        /**
         * Makes room for cells about to be added, at once rather than as they come (a hint: a
         * reader that knows how many cells it will add spares the copies of growing).
         *
         * @param cells how many more cells will be added
         * @return this builder
         */
        public Builder expectCells(int cells) {
            if (cells < 0) {
                throw new IllegalArgumentException("cells is negative: " + cells);
            }
            if (this.cells.isEmpty()) {
                int wanted = runKeys.size() + cells;
                runKeys.ensureCapacity(wanted);
                if (wanted > runQueries.length) {
                    runQueries = Arrays.copyOf(runQueries, wanted);
                }
            }
            return this;
        }

        /**
         * Counts excluded rows.
         *
         * @param country the rows' country, {@code ""} when null or blank
         * @param exclusion why they were excluded (not {@link Exclusion#OTHER_OB}, which the engine decides)
         * @param rowCount how many rows
         * @return this builder
         */
        public Builder exclude(String country, Exclusion exclusion, long rowCount) {
            requireNonNull(country, "country is null");
            requireNonNull(exclusion, "exclusion is null");
            if (exclusion == Exclusion.OTHER_OB) {
                throw new IllegalArgumentException("OTHER_OB is decided by the engine, not by readers");
            }
            rowCounts(country)[1 + exclusion.ordinal()] += rowCount;
            return this;
        }

        /**
         * Adds distinct requests of a country.
         *
         * @param country the country
         * @param count how many new distinct interactions
         * @return this builder
         */
        public Builder addRequests(String country, long count) {
            requireNonNull(country, "country is null");
            requests.computeIfAbsent(country, c -> new long[1])[0] += count;
            return this;
        }

        /**
         * Records an input file for lineage.
         *
         * @param file the file
         * @return this builder
         */
        public Builder addInput(InputFile file) {
            inputs.add(requireNonNull(file, "file is null"));
            return this;
        }

        /**
         * Adds everything of an aggregate.
         *
         * @param aggregate the aggregate
         * @return this builder
         */
        public Builder addAll(UsageAggregate aggregate) {
            moveRunToMap();
            for (int i = 0; i < aggregate.keys.length; i++) {
                cells.computeIfAbsent(aggregate.keys[i], x -> new long[1])[0] += aggregate.queries[i];
            }
            aggregate.rows.forEach((c, r) -> {
                long[] counts = rowCounts(c);
                counts[0] += r.billed();
                counts[1] += r.missingKey();
                counts[2] += r.badTimestamp();
                counts[3] += r.outOfPeriod();
                counts[4] += r.duplicate();
            });
            aggregate.requests.forEach((c, n) -> addRequests(c, n));
            inputs.addAll(aggregate.inputs);
            return this;
        }

        private void moveRunToMap() {
            if (!runKeys.isEmpty()) {
                for (int i = 0; i < runKeys.size(); i++) {
                    cells.put(runKeys.get(i), new long[] {runQueries[i]});
                }
                runKeys.clear();
            }
        }

        private long[] rowCounts(String country) {
            return rows.computeIfAbsent(country, c -> new long[5]);
        }

        /** @return the immutable aggregate */
        public UsageAggregate build() {
            UsageKey[] keys;
            long[] queries;
            if (cells.isEmpty()) {
                // (cells added in order: no sort, no map)
                keys = runKeys.toArray(new UsageKey[0]);
                queries = Arrays.copyOf(runQueries, keys.length);
            } else {
                List<Map.Entry<UsageKey, long[]>> sorted = new ArrayList<>(cells.entrySet());
                // TimSort: one pass when the cells were added in order
                sorted.sort(Map.Entry.comparingByKey());
                keys = new UsageKey[sorted.size()];
                queries = new long[keys.length];
                for (int i = 0; i < keys.length; i++) {
                    keys[i] = sorted.get(i).getKey();
                    queries[i] = sorted.get(i).getValue()[0];
                }
            }
            SortedMap<String, RowAccounting> r = new TreeMap<>();
            rows.forEach((k, v) -> r.put(k, new RowAccounting(v[0], v[1], v[2], v[3], v[4], 0)));
            SortedMap<String, Long> q = new TreeMap<>();
            requests.forEach((k, v) -> q.put(k, v[0]));
            // a file merged in twice is listed once
            List<InputFile> in = new ArrayList<>(new java.util.LinkedHashSet<>(inputs));
            in.sort(InputFile.ORDER);
            return new UsageAggregate(keys, queries, r, q, in);
        }
    }

    /**
     * Keys already in their natural order with their counts, as a {@link SortedMap} just far
     * enough for {@code new TreeMap<>(sortedMap)}, which then builds the tree in one linear pass.
     */
    private static final class SortedRun extends AbstractMap<UsageKey, Long> implements SortedMap<UsageKey, Long> {
        private final UsageKey[] keys;
        private final long[] queries;

        SortedRun(UsageKey[] keys, long[] queries) {
            this.keys = keys;
            this.queries = queries;
        }

        @Override
        public Set<Map.Entry<UsageKey, Long>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<UsageKey, Long>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < keys.length;
                        }

                        @Override
                        public Map.Entry<UsageKey, Long> next() {
                            if (next == keys.length) {
                                throw new java.util.NoSuchElementException();
                            }
                            int i = next++;
                            return new AbstractMap.SimpleImmutableEntry<>(keys[i], queries[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return keys.length;
                }
            };
        }

        @Override
        public int size() {
            return keys.length;
        }

        @Override
        public Comparator<? super UsageKey> comparator() {
            // natural order, like the TreeMap built from it
            return null;
        }

        @Override
        public SortedMap<UsageKey, Long> subMap(UsageKey fromKey, UsageKey toKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<UsageKey, Long> headMap(UsageKey toKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<UsageKey, Long> tailMap(UsageKey fromKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public UsageKey firstKey() {
            return keys[0];
        }

        @Override
        public UsageKey lastKey() {
            return keys[keys.length - 1];
        }
    }
}
