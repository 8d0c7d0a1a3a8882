package io.aurabilling.dataset.bench;

import io.aurabilling.dataset.AuraDatasets;
import io.aurabilling.dataset.DatasetRead;
import io.aurabilling.dataset.ReadOptions;
import io.aurabilling.dataset.synthetic.AuraMonthGenerator;
import io.aurabilling.dataset.synthetic.GeneratorOptions;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The read benchmark of the dataset issue: on the same generated files, in one run,
 * (a) a plain {@code GenericDatumReader} decode-only pass on one thread, (b)
 * decompression only (blocks, no decode) on all cores, (c) the full pipeline (dedupe,
 * zones, requests, cells) on all cores; rows/s, the ratios c/a and c/b, and peak heap.
 *
 * <p>Usage: {@code ReadBenchmark [--rows N] [--codec deflate|zstd|both] [--dir DIR] [--only-pipeline]
 * [--warmup W] [--rounds M]}. Files are generated once per codec into {@code DIR/<codec>-<rows>}
 * and reused. Each codec runs the three passes in rounds, (a), (b), (c) one after the other in
 * each: round 0 (with the JIT cold for the first codec only, what a one-off job sees; the second
 * codec's round 0 runs code the first one compiled), then {@code W} warm-up rounds (default
 * 2), then {@code M} measured rounds (default 5). Every round's figures and ratios are printed, then
 * the steady state: the median of the measured rounds' ratios, with their range (one round is
 * about a second of (b) on a host whose speed varies by ±5-10 % from second to second).
 */
public final class ReadBenchmark {
    private static final YearMonth MONTH = YearMonth.of(2026, 10);
    private static final Map<String, ZoneId> ZONES = Map.of("BRA", ZoneId.of("America/Sao_Paulo"),
            "ESP", ZoneId.of("Europe/Madrid"), "DEU", ZoneId.of("Europe/Berlin"), "GBR", ZoneId.of("Europe/London"),
            "ARG", ZoneId.of("America/Argentina/Buenos_Aires"), "COL", ZoneId.of("America/Bogota"));

    private ReadBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args see the class comment
     * @throws Exception when files cannot be generated or read
     */
    public static void main(String[] args) throws Exception {
        long rows = 10_000_000L;
        String codecs = "both";
        Path dir = Path.of("target/bench-data");
        boolean onlyPipeline = false;
        // (c) needs about three rounds to reach its steady state (C2 recompiles its decoder and
        // sequencer for a while; round 1 measured 3-8 % slower than rounds 2-4), (b) needs one
        int warmup = 2;
        int measured = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i].replace("_", ""));
                case "--codec" -> codecs = args[++i];
                case "--dir" -> dir = Path.of(args[++i]);
                case "--only-pipeline" -> onlyPipeline = true;
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--rounds" -> measured = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "machine: %d cores, max heap %d MiB, %s %s%n", cores,
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.vm.name"), System.getProperty("java.version"));
        List<String> list = codecs.equals("both") ? List.of("deflate", "zstd") : List.of(codecs);
        String previous = null;
        for (String codec : list) {
            Path data = dir.resolve(codec + "-" + rows);
            if (!Files.exists(data.resolve("Aura_Audit"))) {
                long t0 = System.nanoTime();
                AuraMonthGenerator.generate(GeneratorOptions.of(data, MONTH, rows)
                        .withCodec(GeneratorOptions.Codec.parse(codec)));
                System.out.printf(Locale.ROOT, "generated %,d rows (%s) in %.1f s into %s%n", rows, codec,
                        (System.nanoTime() - t0) / 1e9, data);
            }
            List<Path> files = auditFiles(data);
            System.out.printf(Locale.ROOT, "%n== %s: %d files, %,d bytes%n", codec, files.size(), size(files));
            // round 0 runs each pass with the JIT cold (as a one-off job would); then warm-up
            // rounds, then the measured rounds, whose median is the steady state, as benchmark
            // harnesses report it; every round's ratios are printed
            List<Double> caMeasured = new ArrayList<>();
            List<Double> cbMeasured = new ArrayList<>();
            for (int round = 0; round <= warmup + measured; round++) {
                // only the first codec's round 0 is cold: the next one's runs code the first compiled
                String when = round == 0 ? (previous == null ? "cold" : "first, JIT warmed by " + previous)
                        : round <= warmup ? "warm-up " + round : "measured " + (round - warmup);
                System.out.printf(Locale.ROOT, "-- round %d (%s)%n", round, when);
                double a = 0;
                double b = 0;
                if (!onlyPipeline) {
                    a = measure("(a) GenericDatumReader decode, 1 thread", () -> decodeAll(files));
                    b = measure("(b) decompression only, " + cores + " threads", () -> decompressAll(files, cores));
                }
                double c = measure("(c) full pipeline, " + cores + " threads", () -> pipeline(data, cores));
                if (!onlyPipeline) {
                    System.out.printf(Locale.ROOT, "%s: c/a = %.2f (target >= 1.5)   c/b = %.2f (target >= 0.6)%n", when,
                            c / a, c / b);
                    if (round > warmup) {
                        caMeasured.add(c / a);
                        cbMeasured.add(c / b);
                    }
                }
            }
            if (!caMeasured.isEmpty()) {
                System.out.printf(Locale.ROOT, "%s steady state, median of %d measured rounds: c/a = %.2f (%.2f-%.2f, target >= 1.5)"
                        + "   c/b = %.2f (%.2f-%.2f, target >= 0.6)%n", codec, caMeasured.size(), median(caMeasured),
                        Collections.min(caMeasured), Collections.max(caMeasured), median(cbMeasured),
                        Collections.min(cbMeasured), Collections.max(cbMeasured));
            }
            previous = codec;
        }
    }

    /** @return the median (the mean of the middle two for an even count) */
    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private interface Pass {
        long run() throws Exception;
    }

    /** Runs a pass and prints rows/s and the heap's peak during it. */
    private static double measure(String name, Pass pass) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        long rows = pass.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuNanosPerRow = (double) (os.getProcessCpuTime() - cpu0) / rows;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        double rate = rows / seconds;
        System.out.printf(Locale.ROOT, "%-45s %,12d rows %7.2f s %,12.0f rows/s  peak heap %,5d MiB  cpu %,5.0f ns/row%n",
                name, rows, seconds, rate, peak >> 20, cpuNanosPerRow);
        return rate;
    }

    private static long decodeAll(List<Path> files) throws IOException {
        long rows = 0;
        GenericRecord reuse = null;
        for (Path f : files) {
            try (DataFileReader<GenericRecord> reader = new DataFileReader<>(f.toFile(), new GenericDatumReader<>())) {
                while (reader.hasNext()) {
                    reuse = reader.next(reuse);
                    rows++;
                }
            }
        }
        return rows;
    }

    private static long decompressAll(List<Path> files, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (Path f : files) {
                parts.add(pool.submit(() -> {
                    long rows = 0;
                    try (InputStream in = Files.newInputStream(f);
                         DataFileStream<Object> stream = new DataFileStream<>(in, new GenericDatumReader<>())) {
                        while (stream.hasNext()) {
                            rows += stream.getBlockCount();
                            stream.nextBlock();
                        }
                    }
                    return rows;
                }));
            }
            long rows = 0;
            for (Future<Long> p : parts) {
                rows += p.get();
            }
            return rows;
        } finally {
            pool.shutdown();
        }
    }

    private static long pipeline(Path data, int threads) {
        DatasetRead read = AuraDatasets.read(io.aurabilling.dataset.LocalDatasetFolder.of(data), MONTH, c -> ZONES.getOrDefault(c, ZoneId.of("UTC")), ZoneId.of("UTC"),
                ReadOptions.defaults().withThreads(threads));
        System.out.printf(Locale.ROOT, "    %,d cells, %,d files, requests %s%n", read.usage().cells().size(),
                read.usage().inputs().size(), read.usage().requestsByCountry());
        return read.usage().totalRows().read();
    }

    private static List<Path> auditFiles(Path data) throws IOException {
        try (Stream<Path> s = Files.walk(data.resolve("Aura_Audit"))) {
            return s.filter(p -> p.toString().endsWith(".avro")).sorted().toList();
        }
    }

    private static long size(List<Path> files) {
        return files.stream().mapToLong(p -> {
            try {
                return Files.size(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).sum();
    }
}
