package io.aurabilling.kernel;

import io.aurabilling.dataset.DatasetSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Aura datasets read from Kernel, for the same pipeline as a local folder
 * ({@link io.aurabilling.dataset.AuraDatasets}, {@link io.aurabilling.dataset.DatasetBilling}).
 *
 * <ul>
 *   <li>Each dataset is read at its latest {@code PUBLISHED} version, resolved once per source and then
 *   pinned: a version published while a run is going on is not mixed into it (the next run takes it).</li>
 *   <li>Partitioned datasets ({@code Aura_Audit}, {@code Aura_Gateway_Message}) are listed with
 *   {@code from}/{@code to} = [first day of the month − 2 days, last day + 2 days], the same window the
 *   reader prunes {@code DAY_DT} folders with (one day for the OB zones, one for any zone's offset); the
 *   reader still decides membership from each row's time. Dimensions ({@code D_*}) are listed without a day
 *   filter, and only their latest snapshot (highest listed day, or every file when none has a day) is
 *   downloaded.</li>
 *   <li>{@link #files} downloads every listed file into the {@link KernelCache} (verified, atomic, reused)
 *   before returning, so a Kernel failure ends the run before anything is priced.</li>
 *   <li>Lineage: each file carries the Kernel version (e.g. {@code 6}) and its listed path, so it shows as
 *   {@code Aura_Audit/DAY_DT=2026-10-01/part-0.avro} version {@code 6}.</li>
 * </ul>
 * Not thread-safe; the reader calls it from one thread.
 */
public final class KernelDatasetSource implements DatasetSource {
    private static final Logger LOG = LoggerFactory.getLogger(KernelDatasetSource.class);

    private final KernelClient client;
    private final KernelCache cache;
    private final YearMonth month;
    private final Map<String, Optional<DatasetVersion>> pinned = new TreeMap<>();

    private KernelDatasetSource(KernelClient client, KernelCache cache, YearMonth month) {
        this.client = client;
        this.cache = cache;
        this.month = month;
    }

    /**
     * A source for one billing month.
     *
     * @param client the Kernel client
     * @param cache the download cache
     * @param month the billing month (decides the day window of partitioned datasets)
     * @return the source
     */
    public static KernelDatasetSource of(KernelClient client, KernelCache cache, YearMonth month) {
        return new KernelDatasetSource(requireNonNull(client, "client is null"), requireNonNull(cache, "cache is null"),
                requireNonNull(month, "month is null"));
    }

    /** @return the first day listed for partitioned datasets: the first {@code DAY_DT} the reader keeps */
    public LocalDate fromDay() {
        return io.aurabilling.dataset.AuraDatasets.firstFolderDay(month);
    }

    /** @return the last day listed for partitioned datasets: the last {@code DAY_DT} the reader keeps */
    public LocalDate toDay() {
        return io.aurabilling.dataset.AuraDatasets.lastFolderDay(month);
    }

    /**
     * The version a dataset is read at, resolving (and pinning) it on first use.
     *
     * @param dataset the dataset
     * @return its latest published version, or empty when Kernel has none
     * @throws io.aurabilling.RemoteServiceException when Kernel fails after retries
     */
    public Optional<DatasetVersion> version(String dataset) {
        requireNonNull(dataset, "dataset is null");
        Optional<DatasetVersion> v = pinned.get(dataset);
        if (v == null) {
            v = client.latestPublished(dataset);
            pinned.put(dataset, v);
            LOG.info("Kernel dataset {}: {}", dataset,
                    v.map(x -> "version " + x.version()).orElse("no published version"));
        }
        return v;
    }

    /** @return the versions resolved so far, by dataset name (for a run's report) */
    public Map<String, Long> pinnedVersions() {
        Map<String, Long> out = new TreeMap<>();
        pinned.forEach((d, v) -> v.ifPresent(x -> out.put(d, x.version())));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public boolean exists(String dataset) {
        return version(dataset).isPresent();
    }

    @Override
    public List<DatasetFile> files(String dataset) {
        Optional<DatasetVersion> v = version(dataset);
        if (v.isEmpty()) {
            return List.of();
        }
        long version = v.get().version();
        boolean dimension = dataset.startsWith("D_");
        List<KernelFile> listed = dimension
                ? latestSnapshot(client.files(dataset, version, null, null))
                : client.files(dataset, version, fromDay(), toDay());
        List<DatasetFile> files = new ArrayList<>(listed.size());
        String versionText = Long.toString(version);
        for (KernelFile f : listed) {
            if (!f.path().endsWith(".avro")) {
                continue;
            }
            Path local = cache.fetch(client, f);
            files.add(new DatasetFile(f.path(), () -> new BufferedInputStream(Files.newInputStream(local), 1 << 16),
                    versionText));
        }
        LOG.info("Kernel dataset {} v{}: {} file(s) ready in {}", dataset, version, files.size(), cache.root());
        return List.copyOf(files);
    }

    /** The files of the highest listed day, or every file when none has a day. */
    static List<KernelFile> latestSnapshot(List<KernelFile> files) {
        LocalDate latest = null;
        for (KernelFile f : files) {
            if (f.day() != null && (latest == null || f.day().isAfter(latest))) {
                latest = f.day();
            }
        }
        if (latest == null) {
            return files;
        }
        List<KernelFile> kept = new ArrayList<>();
        for (KernelFile f : files) {
            if (latest.equals(f.day())) {
                kept.add(f);
            }
        }
        return kept;
    }

    @Override
    public String describe() {
        return "Kernel " + client.toString() + " (cache " + cache.root() + ")";
    }

    @Override
    public String toString() {
        return "KernelDatasetSource[" + describe() + ", month=" + month + "]";
    }
}
