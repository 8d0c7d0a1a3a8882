package io.aurabilling.dataset;

import io.aurabilling.InputDataException;
import io.aurabilling.usage.BillingPeriod;
import io.aurabilling.usage.InputFile;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.util.Utf8;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Decodes one {@code Aura_Audit} file and applies the row rules that need no other row: 1
 * {@code MISSING_KEY}, 2 {@code BAD_TIMESTAMP}, 3 {@code OUT_OF_PERIOD} (counted per country), and
 * hands the rows that pass them to the sequencer as {@link RowChunk}s with their cell already
 * computed. One decoder per file; many decoders run in parallel.
 *
 * <p>Rows are decoded by hand ({@link AuditRowLayout}) straight from the decompressed block bytes;
 * ids are turned into small ints ({@link LocalIds}) and cells into indexes ({@link CellTable}),
 * so a row allocates nothing. When the writer schema has the cell fields in one run (Aura's own
 * does), the run's bytes are looked up once in a {@link TupleTable} instead, which resolves the
 * country, the missing-key test and the six ids once per distinct run. Only a writer schema
 * whose needed fields are not strings, enums or unions of them goes through Avro's generic
 * reader, into the same row logic.
 */
final class AuditFileDecoder {
    /** Receives the decoder's output in order: chunks, then one {@link FileEnd}. */
    interface Sink {
        /**
         * @param item a {@link RowChunk} or a {@link FileEnd}
         * @throws InterruptedException when the read is being abandoned
         */
        void put(Object item) throws InterruptedException;
    }

    /**
     * The end of a file.
     *
     * @param input its lineage
     * @param excluded per country (as written, {@code ""} when missing): MISSING_KEY, BAD_TIMESTAMP, OUT_OF_PERIOD rows
     */
    record FileEnd(InputFile input, Map<String, long[]> excluded) {
    }

    private static final long NANOS = 1_000_000_000L;
    private static final int EXCLUDED_MISSING_KEY = 0;
    private static final int EXCLUDED_BAD_TIMESTAMP = 1;
    private static final int EXCLUDED_OUT_OF_PERIOD = 2;
    // slots: the order of AuraSchemas.AUDIT_FIELDS
    private static final int INTERACTION = 0;
    private static final int TM = 1;
    private static final int CHANNEL = 2;
    private static final int APP = 3;
    private static final int COUNTRY = 4;
    private static final int SERVICE = 5;
    private static final int PRESET = 6;
    private static final int COMPONENT = 7;
    private static final byte[] OTHER = "other".getBytes(StandardCharsets.US_ASCII);
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
    private static final java.lang.invoke.VarHandle INTS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(
            int[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    private final YearMonth month;
    private final Function<String, ZoneId> zoneOfCountry;
    private final AuraTimestamp timestamps;
    private final LocalIds ids = new LocalIds();
    private final CellTable cells = new CellTable();
    private final int blankCountry;
    private final int otherService;
    // per country id: period [start, end) packed, zone offsets (null until first needed), rule 1-3 counts
    private long[] periodStart = new long[16];
    private long[] periodEnd = new long[16];
    private ZoneOffsets[] offsets = new ZoneOffsets[16];
    private long[] excluded = new long[16 * 3];
    private final long[] uuid = new long[2];
    private final java.util.function.Supplier<RowChunk> chunks;
    private final AvroFileReader.Buffers buffers;
    private final SharedIds sharedIds;
    // per local id: its shared id + 1 (0: not asked yet)
    private int[] sharedIdOf = new int[64];
    private RowChunk chunk;
    // the tuple path (AuditRowLayout#hasTuple): tuples per writer encoding, kept across files; per
    // day of the month (index 0 = the day before its first), the file's cell of each tuple + 1
    private final Map<String, TupleTable> tupleTables = new HashMap<>();
    private final int firstDay;
    private final int[][] cellByDay;
    private final boolean[] dayUsed;
    // the file's cells are numbered 0, 1, 2… in order of first appearance, by both paths (a file
    // whose tuple table fills up goes on by the per-field path: a key may then have two numbers,
    // which the sequencer maps to one cell); per CellTable cell: its number
    private int fileCells;
    private int[] numberOfCell = new int[1024];
    /** The most tuples per table (fewer only in tests of the per-field fallback). */
    int tupleLimit = TupleTable.MAX_TUPLES;

    AuditFileDecoder(YearMonth month, Function<String, ZoneId> zoneOfCountry, ZoneId noOffsetZone) {
        this(month, zoneOfCountry, noOffsetZone, RowChunk::new);
    }

    AuditFileDecoder(YearMonth month, Function<String, ZoneId> zoneOfCountry, ZoneId noOffsetZone,
                     java.util.function.Supplier<RowChunk> chunks) {
        this(month, zoneOfCountry, noOffsetZone, chunks, null, new SharedIds());
    }

    /**
     * A decoder that one thread may use for file after file (ids, zones and arrays are kept; the
     * cells and counts start again with each file).
     *
     * @param buffers block buffers of the thread, or {@code null} for a reader's own
     * @param sharedIds the read's id numbers, shared with the sequencer and the other decoders
     */
    AuditFileDecoder(YearMonth month, Function<String, ZoneId> zoneOfCountry, ZoneId noOffsetZone,
                     java.util.function.Supplier<RowChunk> chunks, AvroFileReader.Buffers buffers,
                     SharedIds sharedIds) {
        this.buffers = buffers;
        this.firstDay = (int) month.atDay(1).toEpochDay() - 1;
        this.cellByDay = new int[month.lengthOfMonth() + 2][];
        this.dayUsed = new boolean[cellByDay.length];
        this.sharedIds = Objects.requireNonNull(sharedIds, "sharedIds is null");
        this.chunks = chunks;
        this.chunk = chunks.get();
        this.month = month;
        this.zoneOfCountry = zoneOfCountry;
        this.timestamps = new AuraTimestamp(noOffsetZone);
        this.blankCountry = ids.id(new byte[0], 0, 0);
        this.otherService = ids.id(OTHER, 0, OTHER.length);
    }

    /**
     * Decodes a file into the sink.
     *
     * @param file the file
     * @param sink where chunks and the file end go
     * @throws InputDataException when the file is unreadable, corrupt or lacks a needed field
     * @throws InterruptedException when the read is abandoned
     */
    void decode(DatasetSource.DatasetFile file, Sink sink) throws InterruptedException {
        // a file's cells are numbered from 0 and its counts start at 0, even after a failed file
        cells.clear();
        fileCells = 0;
        for (int d = 0; d < dayUsed.length; d++) {
            if (dayUsed[d]) {
                Arrays.fill(cellByDay[d], 0);
                dayUsed[d] = false;
            }
        }
        Arrays.fill(excluded, 0);
        if (!chunk.isEmpty()) {
            chunk.clear();
        }
        try (AvroFileReader reader = AvroFileReader.open(AuraSchemas.AURA_AUDIT, file, buffers)) {
            Schema writer = reader.writerSchema();
            Schema projection = AuraSchemas.projection(AuraSchemas.AURA_AUDIT, file.relativePath(), writer,
                    AuraSchemas.AUDIT_FIELDS, AuraSchemas.AUDIT_REQUIRED);
            AuditRowLayout layout = AuditRowLayout.compile(writer, AuraSchemas.AUDIT_FIELDS);
            long rows = layout != null ? decodeByHand(reader, layout, sink) : decodeGeneric(reader, writer, projection, sink);
            if (!chunk.isEmpty()) {
                sink.put(chunk);
                chunk = chunks.get();
            }
            sink.put(new FileEnd(reader.finish(rows), excludedByCountry()));
        }
    }

    private long decodeByHand(AvroFileReader reader, AuditRowLayout layout, Sink sink) throws InterruptedException {
        long rows = 0;
        byte[][] src = layout.src;
        int[] off = layout.off;
        int[] len = layout.len;
        TupleTable tuples = layout.hasTuple()
                ? tupleTables.computeIfAbsent(layout.tupleEncoding(), k -> new TupleTable(tupleLimit)) : null;
        while (reader.nextBlock()) {
            byte[] b = reader.blockBytes();
            int pos = reader.blockOffset();
            int end = pos + reader.blockLength();
            for (long r = reader.blockRows(); r > 0; r--) {
                try {
                    pos = tuples != null ? layout.readSkippingTuple(b, pos, end) : layout.read(b, pos, end);
                } catch (RuntimeException e) {
                    throw reader.corrupt(e);
                }
                rows++;
                if (tuples != null) {
                    rowByTuple(reader, b, layout, tuples, sink);
                } else {
                    row(src, off, len, sink);
                }
            }
            reader.endOfBlock(pos);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return rows;
    }

    private long decodeGeneric(AvroFileReader reader, Schema writer, Schema projection, Sink sink)
            throws InterruptedException {
        GenericDatumReader<GenericData.Record> datumReader = new GenericDatumReader<>(writer, projection);
        GenericData.Record record = null;
        int slots = AuraSchemas.AUDIT_FIELDS.size();
        byte[][] src = new byte[slots][];
        int[] off = new int[slots];
        int[] len = new int[slots];
        long rows = 0;
        while (reader.nextBlock()) {
            BinaryDecoder decoder = reader.decoder();
            for (long r = reader.blockRows(); r > 0; r--) {
                try {
                    record = datumReader.read(record, decoder);
                } catch (IOException | RuntimeException e) {
                    throw reader.corrupt(e);
                }
                rows++;
                for (int s = 0; s < slots; s++) {
                    Object value = record.get(s);
                    if (value == null) {
                        len[s] = -1;
                    } else if (value instanceof Utf8 utf8) {
                        src[s] = utf8.getBytes();
                        off[s] = 0;
                        len[s] = utf8.getByteLength();
                    } else {
                        // a writer type other than a plain string (e.g. an enum): its text
                        byte[] text = value.toString().getBytes(StandardCharsets.UTF_8);
                        src[s] = text;
                        off[s] = 0;
                        len[s] = text.length;
                    }
                }
                row(src, off, len, sink);
            }
            reader.endOfBlock(decoder);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
        return rows;
    }

    /**
     * {@link #row}, with the cell fields resolved once per distinct tuple of bytes (the row was read
     * by {@link AuditRowLayout#readSkippingTuple}: its cell fields are read only for a new tuple).
     */
    private void rowByTuple(AvroFileReader reader, byte[] b, AuditRowLayout layout, TupleTable tuples, Sink sink)
            throws InterruptedException {
        int start = layout.tupleStart;
        int tupleLength = layout.tupleEnd - start;
        int t = tuples.find(b, start, tupleLength);
        byte[][] src = layout.src;
        int[] off = layout.off;
        int[] len = layout.len;
        if (t < 0) {
            try {
                layout.readTuple(b);
            } catch (RuntimeException e) {
                throw reader.corrupt(e);
            }
            t = addTuple(tuples, b, start, tupleLength, ~t, src, off, len);
            if (t < 0) {
                // more tuples or countries than a tuple table holds: the per-field path
                row(src, off, len, sink);
                return;
            }
        }
        int country = tuples.lastCountry();
        // a UUID id is not blank: the missing-key test needs no scan of it
        boolean uuidId = parseUuid(src[INTERACTION], off[INTERACTION], len[INTERACTION], uuid);
        long second = billableSecond(country,
                tuples.lastMissingKey() || (!uuidId && missing(src, off, len, INTERACTION)), src, off, len);
        if (second == EXCLUDED) {
            return;
        }
        int localDay = localDay(country, second);
        int day = localDay - firstDay;
        if (day < 0 || day >= cellByDay.length) {
            throw new IllegalStateException("local day " + localDay + " outside the billing month of its period");
        }
        int[] cellOf = cellByDay[day];
        if (cellOf == null || t >= cellOf.length) {
            cellOf = cellByDay[day] = cellOf == null ? new int[Math.max(1024, tuples.size() * 2)]
                    : Arrays.copyOf(cellOf, Math.max(cellOf.length * 2, tuples.size()));
        }
        int cell = cellOf[t] - 1;
        if (cell < 0) {
            cell = newTupleCell(cellOf, t, tuples, localDay, country);
        }
        addInteraction(uuidId, src[INTERACTION], off[INTERACTION], len[INTERACTION], second, cell, sink);
    }

    /** Numbers the file cell of a tuple on a day, first met in this file (rare: kept out of the row's code). */
    private int newTupleCell(int[] cellOf, int t, TupleTable tuples, int localDay, int country) {
        int cell = fileCells++;
        cellOf[t] = cell + 1;
        // the day's cells are forgotten at the next file
        dayUsed[localDay - firstDay] = true;
        chunk.addNewCell(localDay, shared(country), shared(tuples.get(t, TupleTable.COMPONENT)),
                shared(tuples.get(t, TupleTable.APP)), shared(tuples.get(t, TupleTable.CHANNEL)),
                shared(tuples.get(t, TupleTable.SERVICE)), shared(tuples.get(t, TupleTable.PRESET)));
        return cell;
    }

    /**
     * Adds a tuple, resolving once what {@link #row} resolves per row: country, missing key parts,
     * part ids.
     *
     * @return the tuple, or -1 when the table is full
     */
    private int addTuple(TupleTable tuples, byte[] b, int start, int tupleLength, int slot, byte[][] src, int[] off,
                         int[] len) {
        int country = country(src, off, len);
        if (!tuples.hasRoom() || country > TupleTable.MAX_COUNTRY) {
            return -1;
        }
        boolean componentMissing = missing(src, off, len, COMPONENT);
        return tuples.add(b, start, tupleLength, slot, country, country == blankCountry || componentMissing,
                componentMissing ? -1 : id(src, off, len, COMPONENT, -1), id(src, off, len, APP, -1),
                id(src, off, len, CHANNEL, -1), id(src, off, len, SERVICE, otherService),
                id(src, off, len, PRESET, -1));
    }

    /** @return the local id of the row's country: {@code blankCountry} when it is missing or blank (rule 1) */
    private int country(byte[][] src, int[] off, int[] len) {
        int country = missing(src, off, len, COUNTRY) ? blankCountry : ids.id(src[COUNTRY], off[COUNTRY], len[COUNTRY]);
        if (country * 3 >= excluded.length) {
            growCountries();
        }
        return country;
    }

    /** @return whether a slot of the row is null or blank */
    private static boolean missing(byte[][] src, int[] off, int[] len, int slot) {
        return len[slot] < 0 || blank(src[slot], off[slot], len[slot]);
    }

    /** @return the local id of a slot's text, or {@code ifNull} when the row has none */
    private int id(byte[][] src, int[] off, int[] len, int slot, int ifNull) {
        return len[slot] < 0 ? ifNull : ids.id(src[slot], off[slot], len[slot]);
    }

    private void row(byte[][] src, int[] off, int[] len, Sink sink) throws InterruptedException {
        int country = country(src, off, len);
        long second = billableSecond(country, country == blankCountry || missing(src, off, len, INTERACTION)
                || missing(src, off, len, COMPONENT), src, off, len);
        if (second == EXCLUDED) {
            return;
        }
        int localDay = localDay(country, second);
        int component = id(src, off, len, COMPONENT, -1);
        int app = id(src, off, len, APP, -1);
        int channel = id(src, off, len, CHANNEL, -1);
        int service = id(src, off, len, SERVICE, otherService);
        int preset = id(src, off, len, PRESET, -1);
        int before = cells.size();
        int index = cells.index(localDay, country, component, app, channel, service, preset);
        if (index == before) {
            if (index == numberOfCell.length) {
                numberOfCell = Arrays.copyOf(numberOfCell, index * 2);
            }
            numberOfCell[index] = fileCells++;
            chunk.addNewCell(localDay, shared(country), shared(component), shared(app), shared(channel),
                    shared(service), shared(preset));
        }
        addInteraction(parseUuid(src[INTERACTION], off[INTERACTION], len[INTERACTION], uuid), src[INTERACTION],
                off[INTERACTION], len[INTERACTION], second, numberOfCell[index], sink);
    }

    /** What {@link #billableSecond} returns for a row it excluded (and counted). */
    private static final long EXCLUDED = Long.MIN_VALUE;

    /**
     * Rules 1 to 3 for a row of a country, in order: {@code MISSING_KEY}, {@code BAD_TIMESTAMP},
     * {@code OUT_OF_PERIOD} (the month in the country's zone); an excluded row is counted here.
     *
     * @param missingKey whether the row lacks its country, interaction id or component
     * @return the row's epoch second, or {@link #EXCLUDED}
     */
    private long billableSecond(int country, boolean missingKey, byte[][] src, int[] off, int[] len) {
        if (missingKey) {
            excluded[country * 3 + EXCLUDED_MISSING_KEY]++;
            return EXCLUDED;
        }
        long packed = len[TM] < 0 ? AuraTimestamp.INVALID : timestamps.parse(src[TM], off[TM], len[TM]);
        if (packed == AuraTimestamp.INVALID) {
            excluded[country * 3 + EXCLUDED_BAD_TIMESTAMP]++;
            return EXCLUDED;
        }
        if (offsets[country] == null) {
            period(country);
        }
        if (packed < periodStart[country] || packed >= periodEnd[country]) {
            excluded[country * 3 + EXCLUDED_OUT_OF_PERIOD]++;
            return EXCLUDED;
        }
        return Math.floorDiv(packed, NANOS);
    }

    /** @return the OB-local epoch day of a second (its country's period was set up by {@link #billableSecond}) */
    private int localDay(int country, long second) {
        return (int) Math.floorDiv(second + offsets[country].offsetAt(second), 86_400L);
    }

    /**
     * Hands a billable row to the sequencer: its interaction id, dedupe day (UTC date) and file cell.
     *
     * @param uuidId whether {@link #parseUuid} parsed the id into {@link #uuid}
     */
    private void addInteraction(boolean uuidId, byte[] b, int idOff, int idLen, long second, int cell, Sink sink)
            throws InterruptedException {
        int dedupeDay = (int) Math.floorDiv(second, 86_400L);
        if (uuidId) {
            chunk.addUuid(uuid[0], uuid[1], dedupeDay, cell);
        } else {
            chunk.addBytes(b, idOff, idLen, LocalIds.hash(b, idOff, idLen), dedupeDay, cell);
        }
        if (chunk.full()) {
            sink.put(chunk);
            chunk = chunks.get();
        }
    }

    /** @return the shared id of a local id, -1 for -1 (null) */
    private int shared(int local) {
        if (local < 0) {
            return -1;
        }
        if (local >= sharedIdOf.length) {
            sharedIdOf = Arrays.copyOf(sharedIdOf, Math.max(local + 1, sharedIdOf.length * 2));
        }
        int id = sharedIdOf[local] - 1;
        if (id < 0) {
            id = sharedIds.id(ids.name(local));
            sharedIdOf[local] = id + 1;
        }
        return id;
    }

    /** Sets up a country's billing period and zone offsets, on its first row that needs them. */
    private void period(int country) {
        ZoneId zone = Objects.requireNonNull(zoneOfCountry.apply(ids.name(country)), "zoneOfCountry returned null");
        BillingPeriod period = new BillingPeriod(month, zone);
        periodStart[country] = AuraTimestamp.pack(period.start());
        periodEnd[country] = AuraTimestamp.pack(period.end());
        offsets[country] = new ZoneOffsets(zone);
    }

    private void growCountries() {
        int capacity = Math.max(ids.size(), offsets.length * 2);
        periodStart = Arrays.copyOf(periodStart, capacity);
        periodEnd = Arrays.copyOf(periodEnd, capacity);
        offsets = Arrays.copyOf(offsets, capacity);
        excluded = Arrays.copyOf(excluded, capacity * 3);
    }

    private Map<String, long[]> excludedByCountry() {
        Map<String, long[]> byCountry = new HashMap<>();
        for (int c = 0; c * 3 < excluded.length && c < ids.size(); c++) {
            long[] counts = Arrays.copyOfRange(excluded, c * 3, c * 3 + 3);
            if ((counts[0] | counts[1] | counts[2]) != 0) {
                byCountry.put(ids.name(c), counts);
            }
        }
        return Map.copyOf(byCountry);
    }

    /**
     * Parses a canonical lower-case UUID ({@code 8-4-4-4-12} hex digits).
     *
     * @param b the bytes
     * @param off where the text starts
     * @param len its length
     * @param out receives the high and low longs
     * @return true when the bytes are such a UUID (upper case is a different id text: kept exact, as bytes)
     */
    static boolean parseUuid(byte[] b, int off, int len, long[] out) {
        if (len != 36 || b[off + 8] != '-' || b[off + 13] != '-' || b[off + 18] != '-' || b[off + 23] != '-') {
            return false;
        }
        // four runs of eight digits: 0-7, then 9-12 + 14-17, 19-22 + 24-27, and 28-35
        long a = hex8((long) LONGS.get(b, off));
        long c = hex8(((int) INTS.get(b, off + 9) & 0xFFFFFFFFL) | ((long) (int) INTS.get(b, off + 14) << 32));
        long e = hex8(((int) INTS.get(b, off + 19) & 0xFFFFFFFFL) | ((long) (int) INTS.get(b, off + 24) << 32));
        long f = hex8((long) LONGS.get(b, off + 28));
        if ((a | c | e | f) < 0) {
            return false;
        }
        out[0] = (a << 32) | c;
        out[1] = (e << 32) | f;
        return true;
    }

    /**
     * Eight lower-case hex digits (little-endian bytes, first digit lowest) to their value,
     * eight at a time; -1 when a byte is not {@code 0-9} or {@code a-f}.
     */
    static long hex8(long x) {
        if ((x & 0x8080808080808080L) != 0) {
            return -1;
        }
        // per byte, high bit set when the byte is >= the bound (bytes < 0x80: no carry between bytes)
        long ge0 = x + 0x5050505050505050L;
        long geColon = x + 0x4646464646464646L;
        long geA = x + 0x1F1F1F1F1F1F1F1FL;
        long geG = x + 0x1919191919191919L;
        long digit = ge0 & ~geColon & 0x8080808080808080L;
        long letter = geA & ~geG & 0x8080808080808080L;
        if ((digit | letter) != 0x8080808080808080L) {
            return -1;
        }
        long v = (x & 0x0F0F0F0F0F0F0F0FL) + (letter >>> 7) * 9;
        v = ((v << 4) | (v >>> 8)) & 0x00FF00FF00FF00FFL;
        v = ((v << 8) | (v >>> 16)) & 0x0000FFFF0000FFFFL;
        return ((v << 16) | (v >>> 32)) & 0xFFFFFFFFL;
    }

    /** Blank = empty or only white space ({@link String#isBlank}). */
    static boolean blank(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] < 0) {
                return new String(b, off, len, StandardCharsets.UTF_8).isBlank();
            }
            if (!Character.isWhitespace(b[i])) {
                return false;
            }
        }
        return true;
    }
}
