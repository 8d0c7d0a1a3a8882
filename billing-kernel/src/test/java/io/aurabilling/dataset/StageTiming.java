package io.aurabilling.dataset;

import io.aurabilling.usage.UsageAggregate;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Profiling aid (not a test): one thread's CPU per row for the decoder alone, then decoder + sequencer. */
final class StageTiming {
    private StageTiming() {
    }

    /**
     * @param args the dataset folder
     * @throws Exception on errors
     */
    public static void main(String[] args) throws Exception {
        DatasetSource source = LocalDatasetFolder.of(Path.of(args[0]));
        List<DatasetSource.DatasetFile> files = new ArrayList<>();
        source.files(AuraSchemas.AURA_AUDIT).forEach(files::add);
        YearMonth month = YearMonth.of(2026, 10);
        if (args.length > 1) {
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            for (String t : args[1].split(",")) {
                long gc0 = gcMillis();
                long c0 = os.getProcessCpuTime();
                long w0 = System.nanoTime();
                DatasetRead read = AuraDatasets.read(source, month, c -> ZoneId.of("UTC"), ZoneId.of("UTC"),
                        ReadOptions.defaults().withThreads(Integer.parseInt(t)));
                long rows = read.usage().totalRows().read();
                System.out.printf(Locale.ROOT, "pipeline threads=%s: wall %.2f s, cpu %.0f ns/row, gc %d ms%n", t,
                        (System.nanoTime() - w0) / 1e9, (os.getProcessCpuTime() - c0) / (double) rows, gcMillis() - gc0);
            }
            return;
        }
        for (int round = 0; round < 3; round++) {
            long z0 = System.nanoTime();
            long blockRows = 0;
            for (DatasetSource.DatasetFile f : files) {
                try (AvroFileReader reader = AvroFileReader.open(AuraSchemas.AURA_AUDIT, f)) {
                    while (reader.nextBlock()) {
                        blockRows += reader.blockRows();
                    }
                }
            }
            System.out.printf(Locale.ROOT, "blocks only: %.0f ns/row%n", (System.nanoTime() - z0) / (double) blockRows);
            long t0 = System.nanoTime();
            long rows = 0;
            for (DatasetSource.DatasetFile f : files) {
                RowChunk[] spare = {new RowChunk()};
                AuditFileDecoder d = new AuditFileDecoder(month, c -> ZoneId.of("UTC"), ZoneId.of("UTC"), () -> spare[0]);
                long[] n = {0};
                d.decode(f, item -> {
                    if (item instanceof RowChunk c) {
                        n[0] += c.size;
                        c.clear();
                    }
                });
                rows += n[0];
            }
            long t1 = System.nanoTime();
            System.out.printf(Locale.ROOT, "decode only: %,d rows %.0f ns/row%n", rows, (t1 - t0) / (double) blockRows);
            UsageAggregate.Builder builder = UsageAggregate.builder();
            SharedIds shared = new SharedIds();
            AuditSequencer seq = new AuditSequencer(builder, shared);
            rows = 0;
            long seqNanos = 0;
            for (DatasetSource.DatasetFile f : files) {
                AuditFileDecoder d = new AuditFileDecoder(month, c -> ZoneId.of("UTC"), ZoneId.of("UTC"), RowChunk::new, null, shared);
                List<Object> items = new ArrayList<>();
                d.decode(f, items::add);
                long s0 = System.nanoTime();
                seq.startFile(f.relativePath());
                for (Object item : items) {
                    if (item instanceof RowChunk c) {
                        rows += c.size;
                        seq.accept(c);
                    } else {
                        seq.endFile((AuditFileDecoder.FileEnd) item);
                    }
                }
                seqNanos += System.nanoTime() - s0;
            }
            long s0 = System.nanoTime();
            seq.finish();
            long s1 = System.nanoTime();
            builder.build();
            long fin = System.nanoTime() - s0;
            System.out.printf(Locale.ROOT, "sequencer: %.0f ns/row, finish %.0f ms, build %.0f ms%n", seqNanos / (double) rows,
                    (s1 - s0) / 1e6, (System.nanoTime() - s1) / 1e6);
        }
    }

    private static long gcMillis() {
        long sum = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += gc.getCollectionTime();
        }
        return sum;
    }
}
