package io.aurabilling.dataset;

import io.aurabilling.InputDataException;
import io.aurabilling.usage.BillingPeriod;
import io.aurabilling.usage.InputFile;
import io.aurabilling.usage.UsageKey;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.util.Utf8;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Decodes one {@code Aura_Audit} file and applies the row rules that need no other row: 1
 * {@code MISSING_KEY}, 2 {@code BAD_TIMESTAMP}, 3 {@code OUT_OF_PERIOD} (counted per country), and
 * hands the rows that pass them to the sequencer as {@link RowChunk}s with their cell already
 * computed. One decoder per file; many decoders run in parallel.
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

    private final YearMonth month;
    private final Function<String, ZoneId> zoneOfCountry;
    private final AuraTimestamp timestamps;
    private final IdInterner interner = new IdInterner();
    private final Map<String, CountryPeriod> periods = new HashMap<>();
    private final Map<String, long[]> excluded = new HashMap<>();
    private final Map<CellProbe, Integer> cells = new HashMap<>();
    private final CellProbe probe = new CellProbe();
    private final long[] uuid = new long[2];
    private RowChunk chunk = new RowChunk();

    AuditFileDecoder(YearMonth month, Function<String, ZoneId> zoneOfCountry, ZoneId noOffsetZone) {
        this.month = month;
        this.zoneOfCountry = zoneOfCountry;
        this.timestamps = new AuraTimestamp(noOffsetZone);
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
        try (AvroFileReader reader = AvroFileReader.open(AuraSchemas.AURA_AUDIT, file)) {
            Schema writer = reader.writerSchema();
            Schema projection = AuraSchemas.projection(AuraSchemas.AURA_AUDIT, file.relativePath(), writer,
                    AuraSchemas.AUDIT_FIELDS, AuraSchemas.AUDIT_REQUIRED);
            GenericDatumReader<GenericData.Record> datumReader = new GenericDatumReader<>(writer, projection);
            GenericData.Record record = null;
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
                    row(record, sink);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            if (chunk.size > 0 || !chunk.newCells.isEmpty()) {
                sink.put(chunk);
                chunk = new RowChunk();
            }
            sink.put(new FileEnd(reader.finish(rows), Map.copyOf(excluded)));
        }
    }

    private void row(GenericData.Record record, Sink sink) throws InterruptedException {
        Utf8 interaction = utf8(record.get(0));
        Utf8 country = utf8(record.get(4));
        Utf8 component = utf8(record.get(7));
        boolean countryMissing = country == null || blank(country);
        String countryText = countryMissing ? "" : intern(country);
        if (countryMissing || interaction == null || blank(interaction) || component == null || blank(component)) {
            count(countryText, EXCLUDED_MISSING_KEY);
            return;
        }
        Utf8 tm = utf8(record.get(1));
        long packed = tm == null ? AuraTimestamp.INVALID : timestamps.parse(tm.getBytes(), 0, tm.getByteLength());
        if (packed == AuraTimestamp.INVALID) {
            count(countryText, EXCLUDED_BAD_TIMESTAMP);
            return;
        }
        CountryPeriod period = periods.get(countryText);
        if (period == null) {
            period = new CountryPeriod(month, zoneOfCountry.apply(countryText));
            periods.put(countryText, period);
        }
        if (packed < period.start || packed >= period.end) {
            count(countryText, EXCLUDED_OUT_OF_PERIOD);
            return;
        }
        long second = Math.floorDiv(packed, NANOS);
        int localDay = (int) Math.floorDiv(second + period.offsets.offsetAt(second), 86_400L);
        int dedupeDay = (int) Math.floorDiv(second, 86_400L);
        probe.country = countryText;
        probe.day = localDay;
        probe.component = intern(component);
        probe.app = internOrNull(record.get(3));
        probe.channel = internOrNull(record.get(2));
        probe.service = service(record.get(5));
        probe.preset = internOrNull(record.get(6));
        Integer cell = cells.get(probe);
        if (cell == null) {
            cell = cells.size();
            CellProbe key = probe.copy();
            cells.put(key, cell);
            chunk.newCells.add(new UsageKey(key.country, LocalDate.ofEpochDay(key.day), key.component, key.app,
                    key.channel, key.service, key.preset));
        }
        byte[] id = interaction.getBytes();
        int idLength = interaction.getByteLength();
        if (RowChunk.parseUuid(id, idLength, uuid)) {
            chunk.addUuid(uuid[0], uuid[1], dedupeDay, cell);
        } else {
            chunk.addBytes(id, idLength, dedupeDay, cell);
        }
        if (chunk.full()) {
            sink.put(chunk);
            chunk = new RowChunk();
        }
    }

    private void count(String country, int bucket) {
        long[] counts = excluded.get(country);
        if (counts == null) {
            counts = new long[3];
            excluded.put(country, counts);
        }
        counts[bucket]++;
    }

    private String intern(Utf8 value) {
        return interner.intern(value.getBytes(), 0, value.getByteLength());
    }

    private String internOrNull(Object value) {
        Utf8 utf8 = utf8(value);
        return utf8 == null ? null : intern(utf8);
    }

    /** The service as its symbol text, whether the writer has an enum or a string; missing is {@code other}. */
    private String service(Object value) {
        if (value == null) {
            return "other";
        }
        if (value instanceof GenericEnumSymbol<?> symbol) {
            return symbol.toString();
        }
        return intern(utf8(value));
    }

    private static Utf8 utf8(Object value) {
        if (value == null || value instanceof Utf8) {
            return (Utf8) value;
        }
        // a writer type other than a plain string (e.g. avro.java.string=String, an enum): its text
        return new Utf8(value.toString());
    }

    /** Blank = empty or only white space ({@link String#isBlank}). */
    static boolean blank(Utf8 value) {
        byte[] b = value.getBytes();
        int len = value.getByteLength();
        for (int i = 0; i < len; i++) {
            if (b[i] < 0) {
                return value.toString().isBlank();
            }
            if (!Character.isWhitespace(b[i])) {
                return false;
            }
        }
        return true;
    }

    /** A country's billing period as packed instants, and its zone's offsets. */
    private static final class CountryPeriod {
        final long start;
        final long end;
        final ZoneOffsets offsets;

        CountryPeriod(YearMonth month, ZoneId zone) {
            Objects.requireNonNull(zone, "zoneOfCountry returned null");
            BillingPeriod period = new BillingPeriod(month, zone);
            this.start = AuraTimestamp.pack(period.start());
            this.end = AuraTimestamp.pack(period.end());
            this.offsets = new ZoneOffsets(zone);
        }
    }

    /** A mutable cell key for look-ups without allocation; ids are interned, so equality is cheap. */
    private static final class CellProbe {
        String country;
        int day;
        String component;
        String app;
        String channel;
        String service;
        String preset;

        CellProbe copy() {
            CellProbe c = new CellProbe();
            c.country = country;
            c.day = day;
            c.component = component;
            c.app = app;
            c.channel = channel;
            c.service = service;
            c.preset = preset;
            return c;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CellProbe p && day == p.day && Objects.equals(country, p.country)
                    && Objects.equals(component, p.component) && Objects.equals(app, p.app)
                    && Objects.equals(channel, p.channel) && Objects.equals(service, p.service)
                    && Objects.equals(preset, p.preset);
        }

        @Override
        public int hashCode() {
            int h = day;
            h = h * 31 + country.hashCode();
            h = h * 31 + component.hashCode();
            h = h * 31 + (app == null ? 0 : app.hashCode());
            h = h * 31 + (channel == null ? 0 : channel.hashCode());
            h = h * 31 + service.hashCode();
            h = h * 31 + (preset == null ? 0 : preset.hashCode());
            return h;
        }
    }
}
