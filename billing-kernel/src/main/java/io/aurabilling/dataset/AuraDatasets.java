package io.aurabilling.dataset;

import io.aurabilling.InputDataException;
import io.aurabilling.usage.Dimensions;
import io.aurabilling.usage.UsageAggregate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ArrayDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The embedded reader of Aura datasets: reads a month of {@code Aura_Audit} and the dimensions from
 * a {@link DatasetSource} into a {@link UsageAggregate}, accounting for every row read.
 *
 * <p>Row rules, in order (billing-rules.md): 1 {@code MISSING_KEY}, 2 {@code BAD_TIMESTAMP}, 3
 * {@code OUT_OF_PERIOD} (the month in the row's country's zone), 4 {@code DUPLICATE} (same
 * {@code (INTERACTION_ID, AURA_COMPONENT_ID)} as an earlier row that passed 1-3; earlier = files in
 * relative path order, rows in file order); the rest is billable and counted into cells
 * {@code (country, OB-local day, component, app, channel, service, preset)}. {@code OTHER_OB} is the
 * engine's decision, not this reader's.
 *
 * <p>How: files are decoded in parallel ({@link ReadOptions#threads()}) into compact row chunks
 * (rules 1-3 applied, cell computed), and one sequencer consumes them strictly in path order,
 * with a bounded number of files in flight, applying rule 4 and the distinct requests. The result
 * is therefore the same whatever the thread count or timing. Duplicate and request state is kept per
 * UTC day of {@code AURA_TM}, and the days behind the {@code DAY_DT} folders are dropped; should a
 * dropped day get rows again (files out of day order), the read is done again never dropping those
 * days, so same-day copies are always found. See {@code docs/dedupe.md} for the memory bound and the
 * cross-day limit (copies more than a day apart in {@code AURA_TM} may be missed).
 *
 * <p>Pruning: {@code Aura_Audit} files in a {@code DAY_DT=YYYY-MM-DD} folder outside
 * [first day of the month − 1 day, last day + 1 day] ({@link #PRUNING_MARGIN_DAYS}, billing-rules.md)
 * are not read and not counted; {@code DAY_DT} never decides membership.
 *
 * <p>A corrupt, truncated or unreadable file, or one lacking a needed field, fails the whole read
 * with an {@link InputDataException} naming it (nothing is returned), unless
 * {@link ReadOptions#skipBadFiles()} asks to leave such files out and report them.
 */
public final class AuraDatasets {
    private static final Logger LOG = LoggerFactory.getLogger(AuraDatasets.class);

    /**
     * Chunks (8192 rows, about 300 KB) that each decoding thread may have ahead of the sequencer's
     * file: about a file's worth, so that the threads not on the head file keep decoding (with 8,
     * one thread at a time decoded and the read ran on about one core).
     */
    private static final int AHEAD_CHUNKS_PER_THREAD = 48;

    /**
     * Days kept on both sides of the month when files are pruned by their {@code DAY_DT=} folder:
     * one, as billing-rules.md says (a {@code DAY_DT} is a UTC date; an OB's month in any zone from
     * UTC−12 to UTC+14 lies within its month ± 1 day).
     */
    public static final int PRUNING_MARGIN_DAYS = 1;

    /** The first year a billing month may be in (the packed timestamps' range, with margin). */
    public static final int FIRST_SUPPORTED_YEAR = 1700;

    /** The last year a billing month may be in. */
    public static final int LAST_SUPPORTED_YEAR = 2200;

    private AuraDatasets() {
    }

    /**
     * @param month a billing month
     * @return whether it is within {@link #FIRST_SUPPORTED_YEAR}-{@link #LAST_SUPPORTED_YEAR}
     */
    public static boolean isSupported(YearMonth month) {
        return month.getYear() >= FIRST_SUPPORTED_YEAR && month.getYear() <= LAST_SUPPORTED_YEAR;
    }

    /**
     * @param month a billing month
     * @throws IllegalArgumentException when it is outside {@link #FIRST_SUPPORTED_YEAR}-{@link #LAST_SUPPORTED_YEAR}
     */
    public static void checkSupported(YearMonth month) {
        if (!isSupported(month)) {
            throw new IllegalArgumentException("billing month out of the supported years " + FIRST_SUPPORTED_YEAR
                    + "-" + LAST_SUPPORTED_YEAR + ": " + month);
        }
    }

    /**
     * @param month a billing month
     * @return the first {@code DAY_DT} folder day read for it: its first day − {@link #PRUNING_MARGIN_DAYS}
     */
    public static LocalDate firstFolderDay(YearMonth month) {
        return month.atDay(1).minusDays(PRUNING_MARGIN_DAYS);
    }

    /**
     * @param month a billing month
     * @return the last {@code DAY_DT} folder day read for it: its last day + {@link #PRUNING_MARGIN_DAYS}
     */
    public static LocalDate lastFolderDay(YearMonth month) {
        return month.atEndOfMonth().plusDays(PRUNING_MARGIN_DAYS);
    }

    /**
     * Reads a month.
     *
     * @param source where the datasets are
     * @param month the billing month
     * @param zoneOfCountry the zone of a country code as written in the data (the OB's zone, or
     *                      {@code defaults.timezone} for countries without an {@code obs} entry); called once per country
     * @param noOffsetZone the zone of {@code AURA_TM} text without an offset ({@code defaults.timestamps-without-offset})
     * @param options threads and bad-file handling
     * @return the usage, dimensions, skipped files and the number of files pruned
     * @throws InputDataException when the Aura_Audit dataset is missing or a file cannot be read (unless skipped)
     */
    public static DatasetRead read(DatasetSource source, YearMonth month, Function<String, ZoneId> zoneOfCountry,
                                   ZoneId noOffsetZone, ReadOptions options) {
        requireNonNull(source, "source is null");
        requireNonNull(month, "month is null");
        requireNonNull(zoneOfCountry, "zoneOfCountry is null");
        requireNonNull(noOffsetZone, "noOffsetZone is null");
        requireNonNull(options, "options is null");
        checkSupported(month);
        if (!source.exists(AuraSchemas.AURA_AUDIT)) {
            throw new InputDataException("no " + AuraSchemas.AURA_AUDIT + " dataset in " + source.describe()
                    + "; point the datasets folder at the directory holding " + AuraSchemas.AURA_AUDIT + "/");
        }
        Map<String, ZoneId> zones = new ConcurrentHashMap<>();
        Function<String, ZoneId> zoneCache = country -> zones.computeIfAbsent(country,
                c -> requireNonNull(zoneOfCountry.apply(c), "zoneOfCountry returned null for " + c));

        LocalDate first = firstFolderDay(month);
        LocalDate last = lastFolderDay(month);
        List<DatasetSource.DatasetFile> files = new ArrayList<>();
        long pruned = 0;
        for (DatasetSource.DatasetFile file : source.files(AuraSchemas.AURA_AUDIT)) {
            LocalDate day = DatasetPaths.folderDay(file.relativePath());
            if (day != null && (day.isBefore(first) || day.isAfter(last))) {
                pruned++;
            } else {
                files.add(file);
            }
        }
        if (files.isEmpty()) {
            // billing a month from no data at all would store (write-once) an invoice of zero usage
            throw new InputDataException("no " + AuraSchemas.AURA_AUDIT + " files for " + month + " in "
                    + source.describe() + (pruned > 0 ? ": all " + pruned + " files are in DAY_DT folders outside "
                    + first + " to " + last : ": no .avro files under " + AuraSchemas.AURA_AUDIT + "/")
                    + "; check that the month's data is published there and that the period is right");
        }
        // the source promises path order; sort again so that "earlier" never depends on it
        files.sort(java.util.Comparator.comparing(DatasetSource.DatasetFile::relativePath));

        UsageAggregate.Builder builder = UsageAggregate.builder();
        List<SkippedFile> skipped = new ArrayList<>();
        java.util.SortedSet<Integer> late = readAudit(files, month, zoneCache, noOffsetZone, options, builder,
                skipped, java.util.Set.of());
        if (!late.isEmpty()) {
            // rows of some days came after those days' dedupe state was dropped (files not in day
            // order): read again never dropping those days, so that same-day duplicates stay exact
            LOG.warn("{} has rows of {} (UTC) after their dedupe state was dropped (files not in day order); reading "
                    + "it again keeping those days' state", AuraSchemas.AURA_AUDIT,
                    late.stream().map(d -> LocalDate.ofEpochDay(d).toString()).toList());
            builder = UsageAggregate.builder();
            skipped = new ArrayList<>();
            readAudit(files, month, zoneCache, noOffsetZone, options, builder, skipped, late);
        }
        Dimensions dimensions = new DimensionLoader(source, builder, skipped, options.skipBadFiles()).load();
        return new DatasetRead(builder.build(), dimensions, skipped, pruned);
    }

    /**
     * {@link #read} with the default options.
     *
     * @param folder the local dataset folder ({@code <DIR>/<Dataset>/**.avro})
     * @param month the billing month
     * @param zoneOfCountry the zone of each country
     * @param noOffsetZone the zone of timestamps without offset
     * @return the read
     */
    public static DatasetRead read(java.nio.file.Path folder, YearMonth month, Function<String, ZoneId> zoneOfCountry,
                                   ZoneId noOffsetZone) {
        return read(LocalDatasetFolder.of(folder), month, zoneOfCountry, noOffsetZone, ReadOptions.defaults());
    }

    /** A file whose decoding failed. */
    private record Failure(Throwable error) {
    }

    /**
     * Reads the Aura_Audit files into the builder.
     *
     * @param keptDays epoch days whose dedupe state the sequencer never drops
     * @return the days that got rows after their dedupe state was dropped ({@link AuditSequencer#lateDays()}):
     *         when not empty, the builder is not exact and the read must be done again keeping them
     */
    private static java.util.SortedSet<Integer> readAudit(List<DatasetSource.DatasetFile> files, YearMonth month,
                                    Function<String, ZoneId> zones, ZoneId noOffsetZone, ReadOptions options,
                                    UsageAggregate.Builder builder, List<SkippedFile> skipped,
                                    java.util.Set<Integer> keptDays) {
        // (never empty: read() refuses a month without files first)
        int count = files.size();
        int threads = Math.min(options.threads(), count);
        int window = threads + 2;
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new DecodeThread(r, "aura-decode-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        List<BlockingQueue<Object>> queues = new ArrayList<>(count);
        SharedIds sharedIds = new SharedIds();
        AuditSequencer sequencer = new AuditSequencer(builder, sharedIds, keptDays);
        ChunkFlow flow = new ChunkFlow(AHEAD_CHUNKS_PER_THREAD * threads);
        try {
            int submitted = 0;
            for (int i = 0; i < count; i++) {
                while (submitted < count && submitted < i + window) {
                    BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
                    queues.add(queue);
                    DatasetSource.DatasetFile file = files.get(submitted);
                    int index = submitted;
                    pool.execute(() -> decode(file, index, month, zones, noOffsetZone, options.skipBadFiles(), queue,
                            flow, sharedIds));
                    submitted++;
                }
                DatasetSource.DatasetFile file = files.get(i);
                BlockingQueue<Object> queue = queues.get(i);
                flow.head(i);
                sequencer.startFile(file.relativePath());
                while (true) {
                    Object item = queue.take();
                    if (item instanceof RowChunk chunk) {
                        sequencer.accept(chunk);
                        flow.consumed(chunk);
                    } else if (item instanceof AuditFileDecoder.FileEnd end) {
                        sequencer.endFile(end);
                        break;
                    } else {
                        Throwable error = ((Failure) item).error();
                        if (error instanceof InputDataException bad && options.skipBadFiles()) {
                            skipped.add(new SkippedFile(AuraSchemas.AURA_AUDIT, file.relativePath(), bad.getMessage()));
                            break;
                        }
                        if (error instanceof RuntimeException e) {
                            throw e;
                        }
                        if (error instanceof Error e) {
                            throw e;
                        }
                        throw new IllegalStateException("decoding " + file.relativePath() + " failed", error);
                    }
                }
                queues.set(i, null);
            }
            if (sequencer.lateDays().isEmpty()) {
                // (a read that must be done again would build its cells in vain)
                sequencer.finish();
            }
            return sequencer.lateDays();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reading " + AuraSchemas.AURA_AUDIT + " was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void decode(DatasetSource.DatasetFile file, int index, YearMonth month,
                               Function<String, ZoneId> zones, ZoneId noOffsetZone, boolean wholeFileFirst,
                               BlockingQueue<Object> queue, ChunkFlow flow, SharedIds sharedIds) {
        AuditFileDecoder decoder = Thread.currentThread() instanceof DecodeThread thread
                ? thread.decoder(month, zones, noOffsetZone, flow, sharedIds)
                : new AuditFileDecoder(month, zones, noOffsetZone, flow::take, null, sharedIds);
        try {
            try {
                if (wholeFileFirst) {
                    // nothing of a file that turns out bad may reach the sequencer
                    List<Object> items = new ArrayList<>();
                    decoder.decode(file, items::add);
                    queue.addAll(items);
                } else {
                    decoder.decode(file, item -> {
                        if (item instanceof RowChunk chunk) {
                            flow.admit(index, chunk);
                        }
                        queue.put(item);
                    });
                }
            } catch (RuntimeException | Error e) {
                queue.put(new Failure(e));
            }
        } catch (InterruptedException e) {
            // the read is being abandoned
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A decoding thread of one read: its decoder and block buffers serve file after file, so that
     * their arrays are allocated once per thread rather than once per file.
     */
    private static final class DecodeThread extends Thread {
        private final AvroFileReader.Buffers buffers = new AvroFileReader.Buffers();
        private AuditFileDecoder decoder;

        DecodeThread(Runnable task, String name) {
            super(task, name);
        }

        AuditFileDecoder decoder(YearMonth month, Function<String, ZoneId> zones, ZoneId noOffsetZone, ChunkFlow flow,
                                 SharedIds sharedIds) {
            if (decoder == null) {
                decoder = new AuditFileDecoder(month, zones, noOffsetZone, flow::take, buffers, sharedIds);
            }
            return decoder;
        }

        @Override
        public void run() {
            try {
                super.run();
            } finally {
                buffers.close();
            }
        }
    }

    /**
     * Bounds the chunks decoded ahead of the file the sequencer is on (the head file's own chunks
     * never wait, so there is no deadlock), which lets every thread decode while the sequencer
     * works through earlier files; and recycles consumed chunks.
     */
    private static final class ChunkFlow {
        private final int keepFree;
        private final int maxAhead;
        private final ArrayDeque<RowChunk> free = new ArrayDeque<>();
        private int ahead;
        private int head;

        ChunkFlow(int maxAhead) {
            this.maxAhead = maxAhead;
            // enough recycled chunks for what is ahead: no new chunk per chunk once warm
            this.keepFree = maxAhead + 16;
        }

        synchronized RowChunk take() {
            RowChunk chunk = free.poll();
            return chunk != null ? chunk : new RowChunk();
        }

        /** Waits until a chunk of a file may be queued. */
        synchronized void admit(int file, RowChunk chunk) throws InterruptedException {
            while (file != head && ahead >= maxAhead) {
                wait();
            }
            chunk.ahead = file != head;
            if (chunk.ahead) {
                ahead++;
            }
        }

        synchronized void consumed(RowChunk chunk) {
            if (chunk.ahead) {
                ahead--;
                notifyAll();
            }
            chunk.clear();
            if (free.size() < keepFree) {
                free.push(chunk);
            }
        }

        synchronized void head(int file) {
            head = file;
            notifyAll();
        }
    }
}
