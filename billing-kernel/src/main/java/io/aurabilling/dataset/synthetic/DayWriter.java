package io.aurabilling.dataset.synthetic;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.util.Utf8;

/**
 * Writes the {@code Aura_Audit} files of one UTC day ({@code DAY_DT=yyyy-MM-dd/part-NNNNN.avro}),
 * row by row, from its own seed: a day's files depend only on the options and the day,
 * so days can be written in any order or in parallel. Memory is one reusable row, a
 * small ring of recent rows (for duplicates) and Avro's block buffer.
 */
final class DayWriter {
    /** Share of row slots filled with an exact copy of a recent row. */
    static final double P_DUPLICATE = 0.0005;
    /** Share of aura-groot / aura-bridge rows without an app. */
    static final double P_NULL_APP = 0.02;
    /** Share of interactions without a channel. */
    static final double P_NULL_CHANNEL = 0.001;
    /** Share of rows with an app or component id absent from the dimensions. */
    static final double P_UNKNOWN_ID = 0.0001;
    /** Share of rows with unparseable {@code AURA_TM} text. */
    static final double P_BAD_TIMESTAMP = 0.0001;

    /** Headroom left at the end of each hour so an interaction's rows stay in the hour. */
    private static final int HOUR_HEADROOM_MS = 100;
    private static final int RING = 32;

    /** Valid timestamp shapes: {separator, fraction digits, suffix (0 none, 1 Z, 2 offset), local time}. */
    private static final int[][] SHAPES = {
        {'T', 3, 1, 0},   // 2026-10-01T12:00:00.123Z
        {'T', 0, 1, 0},   // 2026-10-01T12:00:00Z
        {'T', 6, 2, 1},   // 2026-10-01T09:00:00.123456-03:00
        {'T', 0, 2, 1},   // 2026-10-01T09:00:00-03:00
        {'T', 0, 0, 0},   // 2026-10-01T12:00:00 (no offset: UTC)
        {' ', 1, 0, 0}};  // 2026-10-01 12:00:00.5 (no offset: UTC)
    private static final double[] SHAPE_WEIGHTS = {0.80, 0.06, 0.04, 0.05, 0.03, 0.02};
    private static final Categorical SHAPE_DISTRIBUTION = new Categorical(SHAPE_WEIGHTS);

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** Where each of the 32 hex digits goes in the 36-character text (hyphens at 8, 13, 18, 23). */
    private static final int[] UUID_POSITIONS = new int[32];

    static {
        for (int i = 0, p = 0; i < 32; i++, p++) {
            if (p == 8 || p == 13 || p == 18 || p == 23) {
                p++;
            }
            UUID_POSITIONS[i] = p;
        }
    }

    private final GeneratorOptions options;
    private final MonthPlan plan;
    private final Vocabulary vocabulary;
    private final Schema schema;
    private final int day;

    private final SplitMix64 random;
    private final AuditRow row = new AuditRow();
    private final AuditRow[] ring = new AuditRow[RING];
    private int ringSize;
    private int ringNext;
    private final byte[] interactionId = new byte[36];
    private final Tally tally;
    private final List<GeneratedFile> files = new ArrayList<>();

    // the file being written
    private DataFileWriter<AuditRow> writer;
    private String currentPath;
    private long fileRows;
    private long fileLimit;
    private int fileIndex = -1;
    private long dayRows;
    private long dayWritten;
    private int fileCount;

    /**
     * Prepares a day.
     *
     * @param options the options
     * @param plan the month plan
     * @param vocabulary shared values
     * @param schema the {@code Aura_Audit} writer schema
     * @param day index in {@code plan.days}
     */
    DayWriter(GeneratorOptions options, MonthPlan plan, Vocabulary vocabulary, Schema schema, int day) {
        this.options = options;
        this.plan = plan;
        this.vocabulary = vocabulary;
        this.schema = schema;
        this.day = day;
        this.random = new SplitMix64(SplitMix64.derive(options.seed(), plan.days.get(day).toEpochDay()));
        this.tally = new Tally(plan.obs.size());
        for (int i = 0; i < RING; i++) {
            ring[i] = new AuditRow();
        }
        for (int p : new int[] {8, 13, 18, 23}) {
            interactionId[p] = '-';
        }
    }

    /**
     * The outcome of a day.
     *
     * @param files files written, in part order
     * @param tally counts
     */
    record Result(List<GeneratedFile> files, Tally tally) {
    }

    /**
     * Writes the day's files.
     *
     * @return the files and counts
     * @throws IOException when a file cannot be written
     */
    Result write() throws IOException {
        dayRows = plan.dayRows(day);
        if (dayRows == 0) {
            return new Result(List.of(), tally);
        }
        fileCount = (int) ((dayRows + options.rowsPerFile() - 1) / options.rowsPerFile());
        int no = plan.obs.size();
        long dayStart = plan.days.get(day).toEpochDay() * MonthPlan.MS_PER_DAY;
        long[] remaining = new long[no];
        try {
            for (int h = 0; h < 24; h++) {
                long total = 0;
                for (int o = 0; o < no; o++) {
                    remaining[o] = plan.quotas[day][h][o];
                    total += remaining[o];
                }
                long hourStart = dayStart + h * MonthPlan.MS_PER_HOUR;
                while (total > 0) {
                    // OBs interleave within the hour, each exactly to its quota
                    long pick = random.nextLong(total);
                    int o = 0;
                    while (pick >= remaining[o]) {
                        pick -= remaining[o];
                        o++;
                    }
                    int flow = vocabulary.flowDistribution.sample(random);
                    int steps = (int) Math.min(vocabulary.flowComponents[flow].length, remaining[o]);
                    remaining[o] -= steps;
                    total -= steps;
                    interaction(o, h, hourStart, flow, steps);
                }
            }
        } finally {
            closeFile();
        }
        return new Result(List.copyOf(files), tally);
    }

    private void interaction(int o, int h, long hourStart, int flow, int steps) throws IOException {
        fillInteractionId();
        long t = hourStart + random.nextInt((int) MonthPlan.MS_PER_HOUR - HOUR_HEADROOM_MS);
        Vocabulary v = vocabulary;
        Utf8 app = v.apps[o][v.appDistribution[o].sample(random)];
        Utf8 channel;
        if (random.nextDouble() < P_NULL_CHANNEL) {
            channel = null;
        } else if (v.flowVoice[flow]) {
            channel = v.channels[SyntheticCatalog.VOICE_CHANNELS[v.voiceChannelDistribution.sample(random)]];
        } else {
            channel = v.channels[v.channelDistribution.sample(random)];
        }
        Utf8 preset = v.flowVision[flow] ? v.presets[v.visionPresetDistribution.sample(random)]
                : v.presets[v.presetDistribution.sample(random)];
        boolean billable = false;
        for (int s = 0; s < steps; s++) {
            if (s > 0) {
                t += random.nextInt(15); // the components of one interaction log within a few ms
            }
            if (ringSize > 0 && random.nextDouble() < P_DUPLICATE) {
                // an exact copy of a recent row (same file or the next) takes this slot
                row.copyFrom(ring[random.nextInt(ringSize)]);
                emit(true);
                continue;
            }
            int component = v.flowComponents[flow][s];
            int service = v.flowServices[flow][s];
            row.flags = 0;
            System.arraycopy(interactionId, 0, row.interactionId.setByteLength(36).getBytes(), 0, 36);
            row.country = v.countries[o];
            row.service = service;
            row.preset = service == SyntheticCatalog.AI ? preset : null;
            row.channel = channel;
            row.component = v.components[component];
            row.dayDt = v.dayTexts[day];
            row.ob = o;
            boolean nullable = component == SyntheticCatalog.GROOT || component == SyntheticCatalog.BRIDGE;
            row.app = nullable && random.nextDouble() < P_NULL_APP ? null : app;
            if (random.nextDouble() < P_UNKNOWN_ID) {
                // component ids are replaced on an interaction's first row only, so its keys stay distinct
                if (s == 0 && (random.nextLong() & 1) == 0) {
                    row.component = v.unknownComponents[random.nextInt(v.unknownComponents.length)];
                    row.app = app; // null apps belong to aura-groot / aura-bridge only
                    row.flags |= AuditRow.UNKNOWN_COMPONENT;
                } else {
                    row.app = v.unknownApps[o][random.nextInt(v.unknownApps[o].length)];
                    row.flags |= AuditRow.UNKNOWN_APP;
                }
            }
            if (random.nextDouble() < P_BAD_TIMESTAMP) {
                badTimestamp(t, o, h);
                row.status = AuditRow.BAD_TIMESTAMP;
            } else {
                timestamp(t, o, h);
                row.status = t >= plan.periodStartMs[o] && t < plan.periodEndMs[o]
                        ? AuditRow.IN_PERIOD : AuditRow.OUT_OF_PERIOD;
                billable |= row.status == AuditRow.IN_PERIOD;
            }
            emit(false);
        }
        if (billable) {
            tally.billableRequestsByOb[o]++;
        }
    }

    private void fillInteractionId() {
        // a version-4 UUID from the seeded generator, canonical lower-case text
        long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        for (int i = 0; i < 16; i++) {
            interactionId[UUID_POSITIONS[i]] = HEX[(int) (hi >>> (60 - 4 * i)) & 0xF];
            interactionId[UUID_POSITIONS[i + 16]] = HEX[(int) (lo >>> (60 - 4 * i)) & 0xF];
        }
    }

    private void timestamp(long t, int o, int h) {
        int[] shape = SHAPES[SHAPE_DISTRIBUTION.sample(random)];
        int offset = 0;
        if (shape[3] == 1) {
            offset = plan.offsetStable[day][h][o] ? plan.offsets[day][h][o]
                    : plan.obs.get(o).zone().getRules().getOffset(java.time.Instant.ofEpochMilli(t)).getTotalSeconds();
        }
        int micros = shape[1] == 6 ? random.nextInt(1000) : 0;
        byte[] buf = row.auraTm.setByteLength(48).getBytes();
        int len = vocabulary.timestamps.write(buf, t, offset, (byte) shape[0], shape[1], micros, shape[2]);
        row.auraTm.setByteLength(len);
    }

    private void badTimestamp(long t, int o, int h) {
        // start from a valid text and break it the ways billing-rules.md calls BAD_TIMESTAMP
        timestamp(t, o, h);
        String valid = row.auraTm.toString();
        String bad;
        switch (random.nextInt(9)) {
            case 0:
                bad = valid.substring(0, 8) + "32" + valid.substring(10);
                break;
            case 1:
                bad = "not-a-date";
                break;
            case 2:
                bad = valid.substring(0, 10) + "t" + valid.substring(11);
                break;
            case 3:
                bad = valid.substring(0, 11) + "24" + valid.substring(13);
                break;
            case 4:
                bad = valid.substring(0, 17) + "60" + valid.substring(19);
                break;
            case 5:
                bad = " " + valid;
                break;
            case 6:
                bad = valid.substring(0, 4) + "/" + valid.substring(5, 7) + "/" + valid.substring(8);
                break;
            case 7:
                bad = valid.substring(0, 19) + "+19:00";
                break;
            default:
                bad = "";
                break;
        }
        row.auraTm.set(bad);
    }

    private void emit(boolean copy) throws IOException {
        if (writer == null || fileRows == fileLimit) {
            nextFile();
        }
        writer.append(row);
        fileRows++;
        dayWritten++;
        count(copy);
        if (!copy) {
            ring[ringNext].copyFrom(row);
            ringNext = (ringNext + 1) % RING;
            ringSize = Math.min(ringSize + 1, RING);
        }
    }

    private void count(boolean copy) {
        int o = row.ob;
        tally.rowsByOb[o]++;
        if (row.status == AuditRow.BAD_TIMESTAMP) {
            tally.badTimestamps++;
        } else if (row.status == AuditRow.OUT_OF_PERIOD) {
            tally.outOfPeriod++;
        } else if (copy) {
            tally.duplicates++;
        } else {
            tally.billableRowsByOb[o]++;
        }
        if (row.app == null) {
            tally.nullApps++;
        }
        if (row.channel == null) {
            tally.nullChannels++;
        }
        if ((row.flags & AuditRow.UNKNOWN_APP) != 0) {
            tally.unknownApps++;
        }
        if ((row.flags & AuditRow.UNKNOWN_COMPONENT) != 0) {
            tally.unknownComponents++;
        }
    }

    private void nextFile() throws IOException {
        closeFile();
        fileIndex++;
        // the day's rows split evenly over its files
        long end = dayRows * (fileIndex + 1) / fileCount;
        fileLimit = end - dayWritten;
        fileRows = 0;
        currentPath = String.format(Locale.ROOT, "Aura_Audit/DAY_DT=%s/part-%05d.avro", plan.days.get(day), fileIndex);
        Path file = options.outDir().resolve(currentPath);
        Files.createDirectories(file.getParent());
        OutputStream out = Files.newOutputStream(file);
        DataFileWriter<AuditRow> w = new DataFileWriter<>(new AuditRowDatumWriter(schema));
        try {
            w.setCodec(AvroOutput.codec(options.codec()));
            w.setFlushOnEveryBlock(false);
            writer = w.create(schema, out, AvroOutput.syncMarker(options.seed(), currentPath));
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    private void closeFile() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
            files.add(new GeneratedFile(currentPath, fileRows));
        }
    }
}
