package io.aurabilling.dataset;

import io.aurabilling.InputDataException;
import io.aurabilling.usage.InputFile;
import io.aurabilling.usage.RowAccounting;
import io.aurabilling.usage.UsageAggregate;
import io.aurabilling.usage.UsageKey;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuraDatasetsTest {
    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final Function<String, ZoneId> ZONES = country -> switch (country) {
        case "BRA" -> ZoneId.of("America/Sao_Paulo");
        case "ESP" -> ZoneId.of("Europe/Madrid");
        default -> ZoneOffset.UTC;
    };

    static DatasetRead read(DatasetSource source, int threads) {
        return AuraDatasets.read(source, OCTOBER, ZONES, ZoneOffset.UTC, new ReadOptions(threads, false));
    }

    static UsageKey key(String country, String day, String component, String app, String channel, String service,
                        String preset) {
        return new UsageKey(country, LocalDate.parse(day), component, app, channel, service, preset);
    }

    /** The hand-computed scenario; comments give each row's bucket. */
    static MemorySource scenario() {
        List<AuditRow> first = List.of(
                AuditRow.of("u1", "2026-10-01T12:00:00Z", "BRA", "compA"),            // billed BRA 10-01
                AuditRow.of("u1", "2026-10-01T12:00:05Z", "BRA", "compB"),            // billed BRA 10-01
                AuditRow.of("u1", "2026-10-01T12:00:09Z", "BRA", "compA"),            // DUPLICATE BRA
                new AuditRow("u2", "2026-10-01T02:00:00Z", null, null, "BRA", "ai", "gpt", "compA"), // 09-30 23:00 local: OUT_OF_PERIOD BRA
                new AuditRow("u3", "2026-10-01 12:00:00.5", "ch1", "app2", "ESP", "nlpaas", null, "compA"), // billed ESP 10-01
                AuditRow.of(" ", "2026-10-01T12:00:00Z", "ESP", "compA"),             // MISSING_KEY ESP
                AuditRow.of("u4", "2026-10-01T12:00:00Z", " \t", "compA"),            // MISSING_KEY ""
                AuditRow.of("u4b", "2026-10-01T12:00:00Z", "ESP", ""),                // MISSING_KEY ESP
                AuditRow.of("u5", "2026-10-01t12:00:00Z", "ESP", "compA"),            // BAD_TIMESTAMP ESP
                AuditRow.of("u6", "", "ESP", "compA"),                                // BAD_TIMESTAMP ESP
                AuditRow.of("u7", "2026-10-31T23:30:00Z", "ESP", "compA"),            // 11-01 00:30 Madrid: OUT_OF_PERIOD ESP
                new AuditRow("u8", "2026-10-31T22:30:00Z", null, null, "ESP", "other", null, "compA"), // billed ESP 10-31
                AuditRow.of("u9", "2026-11-01T02:30:00Z", "BRA", "compA"),            // 10-31 23:30 local: billed BRA 10-31
                AuditRow.of("u10", "2026-10-31T23:30:00-03:00", "BRA", "compA"));     // billed BRA 10-31
        List<AuditRow> second = List.of(
                AuditRow.of("u1", "2026-10-02T00:00:00Z", "BRA", "compB"),            // DUPLICATE (copy on the previous UTC day)
                AuditRow.of("u1", "2026-10-02T00:00:01Z", "BRA", "compC"),            // billed BRA 10-01 (21:00 local), no new request
                AuditRow.of("u3", "2026-10-02T10:00:00Z", "BRA", "compB"),            // billed BRA 10-02, a request of BRA too
                AuditRow.of("bra", "2026-10-02T10:00:00Z", "bra", "compB"));          // billed under "bra": not BRA
        // listed in reverse path order on purpose
        return new MemorySource()
                .audit("DAY_DT=2026-10-02/part-0.avro", second)
                .audit("DAY_DT=2026-10-01/part-0.avro", first);
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 2, 4})
    void handComputedCellsBucketsAndRequests(int threads) {
        UsageAggregate usage = read(scenario(), threads).usage();

        Map<UsageKey, Long> expected = new TreeMap<>();
        expected.put(key("BRA", "2026-10-01", "compA", "app1", "ch1", "message", null), 1L);
        expected.put(key("BRA", "2026-10-01", "compB", "app1", "ch1", "message", null), 1L);
        expected.put(key("BRA", "2026-10-01", "compC", "app1", "ch1", "message", null), 1L);
        expected.put(key("BRA", "2026-10-02", "compB", "app1", "ch1", "message", null), 1L);
        expected.put(key("BRA", "2026-10-31", "compA", "app1", "ch1", "message", null), 2L);
        expected.put(key("ESP", "2026-10-01", "compA", "app2", "ch1", "nlpaas", null), 1L);
        expected.put(key("ESP", "2026-10-31", "compA", null, null, "other", null), 1L);
        expected.put(key("bra", "2026-10-02", "compB", "app1", "ch1", "message", null), 1L);
        assertEquals(expected, usage.cellMap());

        // billed, missingKey, badTimestamp, outOfPeriod, duplicate, otherOb
        assertEquals(new RowAccounting(6, 0, 0, 1, 2, 0), usage.rows("BRA"));
        assertEquals(new RowAccounting(2, 2, 2, 1, 0, 0), usage.rows("ESP"));
        assertEquals(new RowAccounting(0, 1, 0, 0, 0, 0), usage.rows(""));
        assertEquals(new RowAccounting(1, 0, 0, 0, 0, 0), usage.rows("bra"));
        assertEquals(18, usage.totalRows().read());

        // BRA: u1, u9, u10, u3; ESP: u3, u8
        assertEquals(Map.of("BRA", 4L, "ESP", 2L, "bra", 1L), usage.requestsByCountry());

        List<InputFile> inputs = usage.inputs();
        assertEquals(List.of("Aura_Audit/DAY_DT=2026-10-01/part-0.avro", "Aura_Audit/DAY_DT=2026-10-02/part-0.avro"),
                inputs.stream().map(InputFile::file).toList());
        assertEquals(List.of(14L, 4L), inputs.stream().map(InputFile::rows).toList());
        assertTrue(inputs.stream().allMatch(f -> f.dataset().equals("Aura_Audit") && f.version().equals("6")));
    }

    @Test
    void lineageHasTheSha256OfTheFileBytes() {
        byte[] bytes = AvroFiles.audit(List.of(AuditRow.of("a", "2026-10-05T00:00:00Z", "DEU", "c")));
        MemorySource source = new MemorySource().put("Aura_Audit", "x/part.avro", bytes);
        InputFile input = read(source, 1).usage().inputs().get(0);
        assertEquals(new InputFile("Aura_Audit", "6", "Aura_Audit/x/part.avro", AvroFiles.sha256(bytes), 1), input);
    }

    @Test
    void saoPauloMonthEdges() {
        MemorySource source = new MemorySource().audit("p.avro", List.of(
                AuditRow.of("a", "2026-10-31T23:30:00-03:00", "BRA", "c"),   // October
                AuditRow.of("b", "2026-11-01T02:30:00Z", "BRA", "c"),        // October (23:30 local)
                AuditRow.of("c", "2026-11-01T03:00:00Z", "BRA", "c"),        // November 00:00 local
                AuditRow.of("d", "2026-10-01T02:59:59.999Z", "BRA", "c"),    // September 23:59:59.999 local
                AuditRow.of("e", "2026-10-01T00:00:00-03:00", "BRA", "c"))); // first instant of October
        UsageAggregate usage = read(source, 2).usage();
        assertEquals(new RowAccounting(3, 0, 0, 2, 0, 0), usage.rows("BRA"));
        assertEquals(Map.of(key("BRA", "2026-10-31", "c", "app1", "ch1", "message", null), 2L,
                key("BRA", "2026-10-01", "c", "app1", "ch1", "message", null), 1L), usage.cellMap());
    }

    @ParameterizedTest(name = "threads={0}")
    @ValueSource(ints = {1, 3})
    void theCopyInTheEarlierPathWinsEvenForAnotherCountry(int threads) {
        // the earlier file is large, so a decoder of the later one finishes first
        List<AuditRow> big = new ArrayList<>();
        big.add(AuditRow.of("x", "2026-10-03T10:00:00Z", "ESP", "compA"));
        for (int i = 0; i < 30_000; i++) {
            big.add(AuditRow.of("f" + i, "2026-10-03T10:00:00Z", "ESP", "compZ"));
        }
        List<AuditRow> small = List.of(AuditRow.of("x", "2026-10-03T09:00:00Z", "BRA", "compA"));
        UsageAggregate usage = read(new MemorySource().audit("b/part.avro", small).audit("a/part.avro", big),
                threads).usage();
        assertEquals(new RowAccounting(30_001, 0, 0, 0, 0, 0), usage.rows("ESP"));
        assertEquals(new RowAccounting(0, 0, 0, 0, 1, 0), usage.rows("BRA"));
        assertEquals(0, usage.requests("BRA"));

        UsageAggregate swapped = read(new MemorySource().audit("a/part.avro", small).audit("b/part.avro", big),
                threads).usage();
        assertEquals(new RowAccounting(1, 0, 0, 0, 0, 0), swapped.rows("BRA"));
        assertEquals(new RowAccounting(30_000, 0, 0, 0, 1, 0), swapped.rows("ESP"));
        assertEquals(1, swapped.requests("BRA"));
        assertEquals(30_000, swapped.requests("ESP"));
    }

    @Test
    void aRequestStraddlingMidnightCountsOnce() {
        MemorySource source = new MemorySource()
                .audit("1.avro", List.of(AuditRow.of("s", "2026-10-11T00:00:01Z", "DEU", "compB")))
                .audit("2.avro", List.of(
                        AuditRow.of("s", "2026-10-10T23:59:59Z", "DEU", "compA"),
                        AuditRow.of("s", "2026-10-10T23:59:58Z", "DEU", "compB"),   // duplicate across midnight
                        AuditRow.of("t", "2026-10-10T23:59:59Z", "DEU", "compA"),
                        AuditRow.of("t", "2026-10-11T00:00:00Z", "DEU", "compB")));
        UsageAggregate usage = read(source, 2).usage();
        assertEquals(new RowAccounting(4, 0, 0, 0, 1, 0), usage.rows("DEU"));
        assertEquals(2, usage.requests("DEU"));
    }

    @Test
    void copiesOnNeighbouringUtcDaysAreFoundInEitherOrder() {
        for (boolean laterFirst : new boolean[] {true, false}) {
            List<AuditRow> earlier = List.of(
                    AuditRow.of("x", "2026-10-10T00:30:00Z", "DEU", "compA"),
                    AuditRow.of("y", "2026-10-10T23:00:00Z", "DEU", "compA"));
            List<AuditRow> later = List.of(
                    AuditRow.of("x", "2026-10-11T23:30:00Z", "DEU", "compA"),   // 47 h later: duplicate
                    AuditRow.of("y", "2026-10-11T00:01:00Z", "DEU", "compB"));  // same request
            MemorySource source = new MemorySource().audit("1.avro", laterFirst ? later : earlier)
                    .audit("2.avro", laterFirst ? earlier : later);
            UsageAggregate usage = read(source, 2).usage();
            assertEquals(new RowAccounting(3, 0, 0, 0, 1, 0), usage.rows("DEU"), "later first: " + laterFirst);
            assertEquals(2, usage.requests("DEU"), "later first: " + laterFirst);
        }
    }

    @Test
    void aCopyFoundOnTheDayBeforeOnlyIsStillFoundByACopyOnTheDayAfter() {
        MemorySource source = new MemorySource().audit("1.avro", List.of(
                AuditRow.of("x", "2026-10-10T12:00:00Z", "DEU", "compA"),
                AuditRow.of("x", "2026-10-11T12:00:00Z", "DEU", "compA"),    // duplicate, found on the 10th
                AuditRow.of("x", "2026-10-12T12:00:00Z", "DEU", "compA")));  // its copy, a day later
        UsageAggregate usage = read(source, 1).usage();
        assertEquals(new RowAccounting(1, 0, 0, 0, 2, 0), usage.rows("DEU"));
        assertEquals(1, usage.requests("DEU"));
    }

    @Test
    void copiesOnOneObLocalDayAreFoundWhateverTheirUtcDaysAndOrder() {
        // São Paulo (UTC-3): 00:30 and 23:30 local on October 10th are UTC days 10 and 11, 23 h apart
        AuditRow early = AuditRow.of("x", "2026-10-10T00:30:00-03:00", "BRA", "compA");
        AuditRow late = AuditRow.of("x", "2026-10-10T23:30:00-03:00", "BRA", "compA");
        for (boolean lateFirst : new boolean[] {true, false}) {
            MemorySource source = new MemorySource()
                    .audit("1.avro", List.of(lateFirst ? late : early))
                    .audit("2.avro", List.of(lateFirst ? early : late));
            UsageAggregate usage = read(source, 1).usage();
            assertEquals(new RowAccounting(1, 0, 0, 0, 1, 0), usage.rows("BRA"), "later copy first: " + lateFirst);
            assertEquals(1, usage.requests("BRA"));
        }
    }

    @Test
    void copiesOnOneObLocalDayAreFoundOnTheDayTheClocksGoBack() {
        // London, Sunday 2026-10-25: the day runs from 24T23:00Z (BST) to 26T00:00Z (GMT), 25 hours;
        // at 23:30 the offset is 0, yet the day began on the UTC day before
        MemorySource source = new MemorySource()
                .audit("1.avro", List.of(AuditRow.of("x", "2026-10-25T00:30:00+01:00", "GBR", "compA")))
                .audit("2.avro", List.of(AuditRow.of("x", "2026-10-25T23:30:00Z", "GBR", "compA")));
        UsageAggregate usage = AuraDatasets.read(source, OCTOBER, c -> ZoneId.of("Europe/London"), ZoneOffset.UTC,
                new ReadOptions(1, false)).usage();
        assertEquals(new RowAccounting(1, 0, 0, 0, 1, 0), usage.rows("GBR"));
    }

    @Test
    void copiesTwoUtcDaysApartAreMissed() {
        // the documented limit (docs/dedupe.md): only the same and the neighbouring UTC days
        MemorySource source = new MemorySource()
                .audit("1.avro", List.of(AuditRow.of("x", "2026-10-10T23:59:00Z", "DEU", "compA")))
                .audit("2.avro", List.of(AuditRow.of("x", "2026-10-12T00:01:00Z", "DEU", "compA")));
        UsageAggregate usage = read(source, 1).usage();
        assertEquals(new RowAccounting(2, 0, 0, 0, 0, 0), usage.rows("DEU"));
        assertEquals(2, usage.requests("DEU"));
    }

    @Test
    void nullKeysAndTimestampsInALooseWriterSchema() {
        Schema loose = new Schema.Parser().parse("""
                {"type":"record","name":"Aura_Audit","namespace":"other.ns","fields":[
                 {"name":"INTERACTION_ID","type":["null","string"]},
                 {"name":"AURA_TM","type":["null","string"]},
                 {"name":"COUNTRY_3_ALPHA_CD","type":["null","string"]},
                 {"name":"AURA_COMPONENT_ID","type":["null","string"]}]}""");
        List<GenericRecord> records = new ArrayList<>();
        for (AuditRow row : List.of(
                AuditRow.of(null, "2026-10-05T00:00:00Z", "DEU", "c"),     // MISSING_KEY DEU
                AuditRow.of("a", "2026-10-05T00:00:00Z", "DEU", null),     // MISSING_KEY DEU
                AuditRow.of("a", "2026-10-05T00:00:00Z", null, "c"),       // MISSING_KEY ""
                AuditRow.of("a", null, null, "c"),                         // MISSING_KEY "" (rule 1 first)
                AuditRow.of("a", null, "DEU", "c"),                        // BAD_TIMESTAMP DEU
                AuditRow.of("a", "2026-10-05T00:00:00Z", "DEU", "c"))) {   // billed, app/channel/preset null, service other
            records.add(AvroFiles.auditRecord(loose, row));
        }
        MemorySource source = new MemorySource().put("Aura_Audit", "v9/loose.avro",
                AvroFiles.write(loose, records, 0, CodecFactory.nullCodec()));
        UsageAggregate usage = read(source, 1).usage();
        assertEquals(new RowAccounting(1, 2, 1, 0, 0, 0), usage.rows("DEU"));
        assertEquals(new RowAccounting(0, 2, 0, 0, 0, 0), usage.rows(""));
        assertEquals(Map.of(key("DEU", "2026-10-05", "c", null, null, "other", null), 1L), usage.cellMap());
        assertEquals("9", usage.inputs().get(0).version(), "no x-fp-version: the v9 folder");
    }

    @Test
    void aSecondWriterSchemaWithOtherOrderExtraFieldsAndAStringService() {
        Schema other = new Schema.Parser().parse("""
                {"type":"record","name":"AuditExport","namespace":"aura.entities.v7","x-fp-version":"7.1.0",
                 "x-custom":{"a":[1,2]},"fields":[
                 {"name":"EXTRA_NUMBER","type":"long","default":0},
                 {"name":"AURA_COMPONENT_ID","type":"string","x-fp-unique-constraint":1},
                 {"name":"AURA_PRESET_NAME","type":["null","string"],"default":null},
                 {"name":"AURA_SERVICE_NAME_CD","type":["null","string"],"default":null},
                 {"name":"COUNTRY_3_ALPHA_CD","type":"string","x-fp-data-protection":"none"},
                 {"name":"EXTRA_TEXT","type":{"type":"map","values":"string"},"default":{}},
                 {"name":"AURA_TM","type":{"type":"string","logicalType":"datetime"}},
                 {"name":"INTERACTION_ID","type":"string"}]}""");
        List<GenericRecord> records = new ArrayList<>();
        for (AuditRow row : List.of(
                new AuditRow("i1", "2026-10-07T08:00:00Z", "ch", "app", "DEU", "ai", "gpt-x", "c"),
                new AuditRow("i2", "2026-10-07T09:00:00Z", "ch", "app", "DEU", null, null, "c"),
                new AuditRow("i3", "2026-10-07T10:00:00Z", "ch", "app", "DEU", "ai", "gpt-x", "c"))) {
            GenericRecord r = AvroFiles.auditRecord(other, row);
            r.put("EXTRA_NUMBER", 42L);
            r.put("EXTRA_TEXT", Map.of("k", "v"));
            records.add(r);
        }
        MemorySource source = new MemorySource().put("Aura_Audit", "version=7/a.avro",
                AvroFiles.write(other, records, 2, CodecFactory.deflateCodec(6)));
        UsageAggregate usage = read(source, 2).usage();
        assertEquals(Map.of(key("DEU", "2026-10-07", "c", null, null, "ai", "gpt-x"), 2L,
                key("DEU", "2026-10-07", "c", null, null, "other", null), 1L), usage.cellMap());
        assertEquals("7", usage.inputs().get(0).version(), "x-fp-version (7.1.0: version 7) wins over the folder");
        assertEquals(3, usage.inputs().get(0).rows());
    }

    @Test
    void aFileWithoutANeededFieldFailsNamingFileFieldAndWriterFields() {
        Schema noComponent = new Schema.Parser().parse("""
                {"type":"record","name":"Aura_Audit","fields":[
                 {"name":"INTERACTION_ID","type":"string"},{"name":"AURA_TM","type":"string"},
                 {"name":"COUNTRY_3_ALPHA_CD","type":"string"},{"name":"SOMETHING","type":"int"}]}""");
        MemorySource source = new MemorySource()
                .audit("DAY_DT=2026-10-01/ok.avro", List.of(AuditRow.of("a", "2026-10-01T10:00:00Z", "DEU", "c")))
                .put("Aura_Audit", "DAY_DT=2026-10-02/bad.avro", AvroFiles.write(noComponent, List.of(),
                        0, CodecFactory.nullCodec()));
        InputDataException e = assertThrows(InputDataException.class, () -> read(source, 2));
        assertTrue(e.getMessage().contains("DAY_DT=2026-10-02/bad.avro"), e.getMessage());
        assertTrue(e.getMessage().contains("AURA_COMPONENT_ID"), e.getMessage());
        assertTrue(e.getMessage().contains("[INTERACTION_ID, AURA_TM, COUNTRY_3_ALPHA_CD, SOMETHING]"), e.getMessage());
        assertEquals(3, e.exitCode());
    }

    static byte[] twoBlocks() {
        List<AuditRow> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            rows.add(AuditRow.of("id" + i, "2026-10-04T10:00:00Z", "DEU", "c"));
        }
        return AvroFiles.audit(rows, 10);
    }

    @Test
    void aCorruptSyncMarkerNamesTheFileAndTheBlock() {
        byte[] bytes = twoBlocks();
        byte[] sync = Arrays.copyOfRange(bytes, bytes.length - 16, bytes.length);
        int inHeader = indexOf(bytes, sync, 0);
        int afterFirstBlock = indexOf(bytes, sync, inHeader + 16);
        bytes[afterFirstBlock + 3] ^= 0x5A;
        InputDataException e = failure("d/corrupt.avro", bytes);
        assertTrue(e.getMessage().contains("d/corrupt.avro") && e.getMessage().contains("block"), e.getMessage());
        assertTrue(e.getMessage().contains("byte offset"), e.getMessage());
    }

    /** @return the error of reading a month whose only file is this Aura_Audit file */
    private static InputDataException failure(String relativePath, byte[] bytes) {
        MemorySource source = new MemorySource().put("Aura_Audit", relativePath, bytes);
        return assertThrows(InputDataException.class, () -> read(source, 1));
    }

    /** Two rows of October 1st in one uncompressed block: BRA compA, then the given country and component. */
    private static byte[] twoRowsUncompressed(String country, String component) {
        return AvroFiles.write(AvroFiles.AUDIT, List.of(
                AvroFiles.auditRecord(AvroFiles.AUDIT, AuditRow.of("u1", "2026-10-01T12:00:00Z", "BRA", "compA")),
                AvroFiles.auditRecord(AvroFiles.AUDIT, AuditRow.of("u2", "2026-10-01T12:00:00Z", country, component))),
                0, CodecFactory.nullCodec());
    }

    @Test
    void aServiceOutsideItsEnumInARowOfANewCellTupleNamesTheFileAndTheBlock() {
        // the cell fields of a row whose tuple is new are read one by one (and checked) only then
        byte[] bytes = twoRowsUncompressed("ZZZ", "compA");
        // the service enum's index (a one-byte varint) right after the country "ZZZ" (length 3: 0x06)
        int country = indexOf(bytes, new byte[]{6, 'Z', 'Z', 'Z'}, 0);
        bytes[country + 4] = 80; // index 40 of 4 symbols
        InputDataException e = failure("d/badenum.avro", bytes);
        assertTrue(e.getMessage().contains("d/badenum.avro") && e.getMessage().contains("block"), e.getMessage());
        assertTrue(e.getMessage().contains("enum index 40 out of range"), e.getMessage());
    }

    @Test
    void bytesAfterABlocksLastRowMakeTheFileCorrupt() {
        // the block says two rows, its bytes hold a third byte stretch: its count or bytes are wrong
        byte[] good = twoRowsUncompressed("BRA", "compB");
        assertEquals(2, read(new MemorySource().put("Aura_Audit", "d/good.avro", good), 1).usage().totalRows().read());
        InputDataException e = failure("d/extra.avro", AvroFiles.withBlockBytes(good, false, b -> Arrays.copyOf(b, b.length + 3)));
        assertTrue(e.getMessage().contains("d/extra.avro is corrupt or truncated at block 0")
                && e.getMessage().contains("3 bytes after the block's last row"), e.getMessage());
    }

    @Test
    void aLastRowCutShortInsideADeflatedBlockMakesTheFileCorrupt() {
        // a decompressed block one byte short: the last row's DAY_DT branch lies past the block's end
        byte[] good = AvroFiles.audit(List.of(AuditRow.of("u1", "2026-10-01T12:00:00Z", "BRA", "compA"),
                AuditRow.of("u2", "2026-10-01T12:00:00Z", "BRA", "compB")));
        InputDataException e = failure("d/cut.avro", AvroFiles.withBlockBytes(good, true, b -> Arrays.copyOf(b, b.length - 1)));
        assertTrue(e.getMessage().contains("d/cut.avro is corrupt or truncated at block 0")
                && e.getMessage().contains("past the end of its block"), e.getMessage());
    }

    @Test
    void bytesAfterTheLastRowOfADimensionBlockMakeItCorrupt() {
        byte[] extra = AvroFiles.withBlockBytes(AvroFiles.dimension("D_Aura_App", "AURA_APP_ID", "AURA_APP_NAME",
                "app1", "App One"), false, b -> Arrays.copyOf(b, b.length + 1));
        MemorySource source = scenario().put("D_Aura_App", "a.avro", extra);
        InputDataException e = assertThrows(InputDataException.class, () -> read(source, 1));
        assertTrue(e.getMessage().contains("D_Aura_App file a.avro is corrupt or truncated at block 0")
                && e.getMessage().contains("bytes after the block's last row"), e.getMessage());
    }

    @Test
    void aTruncatedFileFails() {
        byte[] bytes = twoBlocks();
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 30);
        MemorySource source = new MemorySource().put("Aura_Audit", "cut.avro", cut);
        InputDataException e = assertThrows(InputDataException.class, () -> read(source, 2));
        assertTrue(e.getMessage().contains("cut.avro is corrupt or truncated at block 1"), e.getMessage());
    }

    @Test
    void aZeroByteFileIsNotAnAvroFile() {
        MemorySource source = new MemorySource().put("Aura_Audit", "zero.avro", new byte[0]);
        InputDataException e = assertThrows(InputDataException.class, () -> read(source, 1));
        assertTrue(e.getMessage().contains("zero.avro is not a readable Avro data file"), e.getMessage());
    }

    @Test
    void anAvroFileWithoutRowsIsReadAndListed() {
        byte[] empty = AvroFiles.audit(List.of());
        UsageAggregate usage = read(new MemorySource().put("Aura_Audit", "e.avro", empty), 1).usage();
        assertEquals(0, usage.totalRows().read());
        assertEquals(List.of(new InputFile("Aura_Audit", "6", "Aura_Audit/e.avro", AvroFiles.sha256(empty), 0)),
                usage.inputs());
    }

    @Test
    void aSkippedFileLeavesNoCellsBehindForTheNextFileOfItsThread() {
        // one thread decodes both files with one decoder; a.avro's first block (cell DEU/c on 10-04)
        // is fine and its second is cut: b.avro's rows of the same cell and of a new one must count
        List<AuditRow> first = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            first.add(AuditRow.of("a" + i, "2026-10-04T10:00:00Z", "DEU", "c"));
        }
        byte[] full = AvroFiles.audit(first, 10);
        byte[] truncated = Arrays.copyOf(full, full.length - 30);
        MemorySource source = new MemorySource()
                .put("Aura_Audit", "a.avro", truncated)
                .audit("b.avro", List.of(
                        AuditRow.of("b1", "2026-10-05T10:00:00Z", "DEU", "d"),
                        AuditRow.of("b2", "2026-10-04T10:00:00Z", "DEU", "c"),
                        AuditRow.of("b3", "2026-10-04T11:00:00Z", "DEU", "c")));
        for (int threads : new int[] {1, 2}) {
            DatasetRead read = AuraDatasets.read(source, OCTOBER, ZONES, ZoneOffset.UTC,
                    ReadOptions.defaults().withThreads(threads).withSkipBadFiles(true));
            assertEquals(List.of("a.avro"), read.skipped().stream().map(SkippedFile::relativePath).toList());
            assertEquals(Map.of(key("DEU", "2026-10-04", "c", "app1", "ch1", "message", null), 2L,
                    key("DEU", "2026-10-05", "d", "app1", "ch1", "message", null), 1L), read.usage().cellMap(),
                    threads + " threads");
            assertEquals(3, read.usage().requests("DEU"));
        }
    }

    @Test
    void skipBadFilesReportsThemAndBillsNothingOfThem() {
        byte[] truncated = Arrays.copyOf(twoBlocks(), twoBlocks().length - 30);
        MemorySource source = new MemorySource()
                .put("Aura_Audit", "a.avro", truncated)     // first block is fine, but nothing of it may count
                .put("Aura_Audit", "b.avro", new byte[]{1, 2, 3})
                .audit("c.avro", List.of(AuditRow.of("id0", "2026-10-04T10:00:00Z", "DEU", "c")));
        DatasetRead read = AuraDatasets.read(source, OCTOBER, ZONES, ZoneOffset.UTC,
                ReadOptions.defaults().withThreads(2).withSkipBadFiles(true));
        assertEquals(List.of("a.avro", "b.avro"), read.skipped().stream().map(SkippedFile::relativePath).toList());
        assertTrue(read.skipped().get(0).reason().contains("truncated"), read.skipped().get(0).reason());
        assertEquals(new RowAccounting(1, 0, 0, 0, 0, 0), read.usage().rows("DEU"), "id0 of c.avro is not a duplicate");
        assertEquals(List.of("Aura_Audit/c.avro"), read.usage().inputs().stream().map(InputFile::file).toList());
    }

    @Test
    void dayFoldersOutsideTheMonthMarginArePrunedAndNotCounted() {
        MemorySource source = new MemorySource()
                .audit("DAY_DT=2026-09-29/p.avro", List.of(row("a")))      // pruned: before 09-30 (one-day margin)
                .audit("DAY_DT=2026-09-30/p.avro", List.of(row("b")))      // kept
                .audit("x/DAY_DT=2026-11-01/p.avro", List.of(row("c")))    // kept
                .audit("x/DAY_DT=2026-11-02/p.avro", List.of(row("d")))    // pruned: after 11-01
                .audit("DAY_DT=garbage/p.avro", List.of(row("e")))         // not a day: kept
                .put("Aura_Audit", "DAY_DT=2026-12-01/corrupt.avro", new byte[]{9}); // pruned, never opened
        DatasetRead read = read(source, 2);
        assertEquals(3, read.filesPruned());
        assertEquals(new RowAccounting(3, 0, 0, 0, 0, 0), read.usage().rows("DEU"));
        assertEquals(List.of("Aura_Audit/DAY_DT=2026-09-30/p.avro", "Aura_Audit/DAY_DT=garbage/p.avro",
                        "Aura_Audit/x/DAY_DT=2026-11-01/p.avro"),
                read.usage().inputs().stream().map(InputFile::file).toList());
    }

    private static AuditRow row(String interaction) {
        return AuditRow.of(interaction, "2026-10-15T00:00:00Z", "DEU", "c");
    }

    @Test
    void aDimensionWithoutItsNameFieldNamesIdsByThemselves() {
        // the name fields are ASSUMED in the schemas: a file without one is read, not refused
        Schema idsOnly = new Schema.Parser().parse("""
                {"type":"record","name":"D_Aura_App","fields":[{"name":"AURA_APP_ID","type":"string"}]}""");
        List<GenericRecord> records = new ArrayList<>();
        for (String id : List.of("app1", "app2")) {
            GenericData.Record r = new GenericData.Record(idsOnly);
            r.put("AURA_APP_ID", id);
            records.add(r);
        }
        MemorySource source = new MemorySource()
                .audit("p.avro", List.of(AuditRow.of("a", "2026-10-15T00:00:00Z", "DEU", "c")))
                .put("D_Aura_App", "part-0.avro", AvroFiles.write(idsOnly, records, 0, CodecFactory.nullCodec()));
        DatasetRead read = read(source, 1);
        assertEquals(Map.of("app1", "app1", "app2", "app2"), read.dimensions().apps().names());
        assertTrue(read.skipped().isEmpty());
    }

    @Test
    void theOtherDimensionsAreLoadedWhenPresent() {
        byte[] brands = AvroFiles.dimension("D_Gbl_Brand", "BRAND_ID", "BRAND_NAME", "mv", "Movistar", "o2", "O2");
        byte[] skillsOld = AvroFiles.dimension("D_Aura_Skill", "AURA_SKILL_ID", "AURA_SKILL_NAME", "s1", "Old");
        byte[] skills = AvroFiles.dimension("D_Aura_Skill", "AURA_SKILL_ID", "AURA_SKILL_NAME", "s1", "Billing help");
        MemorySource source = new MemorySource()
                .audit("p.avro", List.of(AuditRow.of("a", "2026-10-15T00:00:00Z", "DEU", "c")))
                .put("D_Gbl_Brand", "part-0.avro", brands)
                .put("D_Aura_Skill", "DAY_DT=2026-10-01/part-0.avro", skillsOld)
                .put("D_Aura_Skill", "DAY_DT=2026-10-09/part-0.avro", skills);
        DatasetRead read = read(source, 1);
        assertEquals(List.of("D_Aura_Skill", "D_Gbl_Brand"), List.copyOf(read.dimensions().others().keySet()));
        assertEquals(Map.of("mv", "Movistar", "o2", "O2"), read.dimensions().other("D_Gbl_Brand").names());
        assertEquals(Map.of("s1", "Billing help"), read.dimensions().other("D_Aura_Skill").names(), "latest snapshot");
        assertFalse(read.dimensions().other("D_Aura_Recognizer").loaded(), "absent: not loaded, no names");
        assertEquals(List.of("Aura_Audit", "D_Aura_Skill", "D_Gbl_Brand"),
                read.usage().inputs().stream().map(InputFile::dataset).toList(), "their files are in lineage");
        assertTrue(read(new MemorySource().audit("p.avro", List.of()), 1).dimensions().others().isEmpty());
    }

    @Test
    void dimensionsUseTheLatestSnapshotAndGoIntoLineage() {
        byte[] old = AvroFiles.dimension("D_Aura_Component", "AURA_COMPONENT_ID", "AURA_COMPONENT_NAME",
                "c", "Old name", "gone", "Gone");
        byte[] latest = AvroFiles.dimension("D_Aura_Component", "AURA_COMPONENT_ID", "AURA_COMPONENT_NAME",
                "c", "Classifier", "d", "Dialog");
        byte[] presets = AvroFiles.dimension("D_Aura_Preset", "AURA_PRESET_NAME", "AURA_PRESET_DISPLAY_NAME",
                "gpt", "GPT preset");
        byte[] countries = AvroFiles.dimension("D_Gbl_Country", "COUNTRY_3_ALPHA_CD", "COUNTRY_NAME",
                "BRA", "Brazil", "ESP", "Spain");
        MemorySource source = new MemorySource()
                .audit("p.avro", List.of(AuditRow.of("a", "2026-10-15T00:00:00Z", "DEU", "c")))
                .put("D_Aura_Component", "DAY_DT=2026-10-05/part-0.avro", latest)
                .put("D_Aura_Component", "DAY_DT=2026-10-01/part-0.avro", old)
                .put("D_Aura_Preset", "part-0.avro", presets)
                .put("D_Gbl_Country", "part-0.avro", countries)
                .emptyDataset("D_Aura_Channel");
        DatasetRead read = read(source, 1);
        assertEquals(Map.of("c", "Classifier", "d", "Dialog"), read.dimensions().components().names());
        assertEquals(Map.of("gpt", "GPT preset"), read.dimensions().presets().names());
        assertEquals(Map.of("BRA", "Brazil", "ESP", "Spain"), read.dimensions().countries().names());
        assertFalse(read.dimensions().apps().loaded(), "no D_Aura_App folder");
        assertTrue(read.dimensions().channels().loaded(), "an empty D_Aura_Channel folder is loaded, empty");
        List<InputFile> inputs = read.usage().inputs();
        assertEquals(List.of("Aura_Audit:Aura_Audit/p.avro:1",
                        "D_Aura_Component:D_Aura_Component/DAY_DT=2026-10-05/part-0.avro:2",
                        "D_Aura_Preset:D_Aura_Preset/part-0.avro:1", "D_Gbl_Country:D_Gbl_Country/part-0.avro:2"),
                inputs.stream().map(f -> f.dataset() + ":" + f.file() + ":" + f.rows()).toList());
        assertEquals(AvroFiles.sha256(latest), inputs.get(1).sha256());
    }

    @Test
    void aMissingAuditDatasetIsAnInputError() {
        InputDataException e = assertThrows(InputDataException.class,
                () -> read(new MemorySource().emptyDataset("D_Aura_App"), 1));
        assertTrue(e.getMessage().contains("Aura_Audit"), e.getMessage());
    }

    @Test
    void aLocalFolderReadsNestedAvroFilesInPathOrderAndIgnoresOthers(@TempDir Path dir) throws Exception {
        Path audit = dir.resolve("Aura_Audit");
        Files.createDirectories(audit.resolve("DAY_DT=2026-10-02/sub"));
        Files.createDirectories(audit.resolve("DAY_DT=2026-10-01"));
        Files.write(audit.resolve("DAY_DT=2026-10-02/sub/part-1.avro"),
                AvroFiles.audit(List.of(AuditRow.of("a", "2026-10-02T01:00:00Z", "DEU", "c"))));
        Files.write(audit.resolve("DAY_DT=2026-10-01/part-0.avro"),
                AvroFiles.audit(List.of(AuditRow.of("a", "2026-10-01T23:00:00Z", "DEU", "c"))));
        Files.writeString(audit.resolve("DAY_DT=2026-10-01/_SUCCESS"), "");
        Files.writeString(audit.resolve("DAY_DT=2026-10-01/part-0.avro.crc"), "x");
        LocalDatasetFolder folder = LocalDatasetFolder.of(dir);
        assertEquals(List.of("DAY_DT=2026-10-01/part-0.avro", "DAY_DT=2026-10-02/sub/part-1.avro"),
                folder.files("Aura_Audit").stream().map(DatasetSource.DatasetFile::relativePath).toList());
        assertFalse(folder.exists("D_Aura_App"));
        DatasetRead read = AuraDatasets.read(dir, OCTOBER, ZONES, ZoneOffset.UTC);
        assertEquals(new RowAccounting(1, 0, 0, 0, 1, 0), read.usage().rows("DEU"));
        assertEquals("Aura_Audit/DAY_DT=2026-10-01/part-0.avro", read.usage().inputs().get(0).file());
    }

    @Test
    void evictionDropsDayTablesOlderThanTheFolderDayMinusTwo() {
        // the same key in DAY_DT folders five days apart is a documented miss; two days apart it is caught
        AuditRow early = AuditRow.of("k", "2026-10-10T12:00:00Z", "DEU", "c");
        AuditRow late = AuditRow.of("k", "2026-10-11T12:00:00Z", "DEU", "c");
        MemorySource caught = new MemorySource()
                .audit("DAY_DT=2026-10-10/p.avro", List.of(early))
                .audit("DAY_DT=2026-10-12/p.avro", List.of(late));
        assertEquals(new RowAccounting(1, 0, 0, 0, 1, 0), read(caught, 1).usage().rows("DEU"));
        MemorySource missed = new MemorySource()
                .audit("DAY_DT=2026-10-10/p.avro", List.of(early))
                .audit("DAY_DT=2026-10-15/p.avro", List.of(late));
        assertEquals(new RowAccounting(2, 0, 0, 0, 0, 0), read(missed, 1).usage().rows("DEU"));
    }

    @Test
    void sameDayCopiesAreFoundWhateverTheFolderLayout() {
        // a re-delivery of an October 1st row in a much later DAY_DT folder: its day's table was
        // dropped when that folder started, so the read is done again keeping every day
        AuditRow first = AuditRow.of("k1", "2026-10-01T10:00:00Z", "DEU", "c");
        AuditRow other = AuditRow.of("k2", "2026-10-05T10:00:00Z", "DEU", "c");
        AuditRow again = AuditRow.of("k1", "2026-10-01T10:00:05Z", "DEU", "c");
        for (int threads : new int[] {1, 3}) {
            MemorySource late = new MemorySource()
                    .audit("DAY_DT=2026-10-01/p.avro", List.of(first))
                    .audit("DAY_DT=2026-10-05/p.avro", List.of(other, again));
            UsageAggregate usage = read(late, threads).usage();
            assertEquals(new RowAccounting(2, 0, 0, 0, 1, 0), usage.rows("DEU"), "threads " + threads);
            assertEquals(2, usage.requests("DEU"));
            assertEquals(2, usage.inputs().size(), "each file once in the lineage");
            // a flat file after the partitions, and country folders before day folders: the same
            MemorySource flat = new MemorySource()
                    .audit("DAY_DT=2026-10-01/p.avro", List.of(first))
                    .audit("DAY_DT=2026-10-20/p.avro", List.of(other))
                    .audit("redelivered.avro", List.of(again));
            assertEquals(new RowAccounting(2, 0, 0, 0, 1, 0), read(flat, threads).usage().rows("DEU"));
            MemorySource byCountry = new MemorySource()
                    .audit("country=BRA/DAY_DT=2026-10-01/p.avro", List.of(AuditRow.of("k1", "2026-10-01T10:00:00Z", "BRA", "c")))
                    .audit("country=BRA/DAY_DT=2026-10-10/p.avro", List.of(AuditRow.of("k3", "2026-10-10T10:00:00Z", "BRA", "c")))
                    .audit("country=ESP/DAY_DT=2026-10-01/p.avro", List.of(AuditRow.of("k1", "2026-10-01T10:00:01Z", "ESP", "c")));
            UsageAggregate countries = read(byCountry, threads).usage();
            assertEquals(new RowAccounting(0, 0, 0, 0, 1, 0), countries.rows("ESP"), "a duplicate whatever its country");
            assertEquals(0, countries.requests("ESP"));
        }
    }

    @Test
    void lineageVersionsAreDatasetVersionsAsKernelAndInvoiceJsonWriteThem() {
        assertEquals("6", AuraSchemas.datasetVersion("6.0.0"));
        assertEquals("7", AuraSchemas.datasetVersion(" 7.1.0 "));
        assertEquals("6", AuraSchemas.datasetVersion("6"));
        assertEquals("6-beta", AuraSchemas.datasetVersion("6-beta"), "not a dotted number: as written");
        assertEquals("6", AuraSchemas.lineageVersion("6.0.0", "v9/p.avro"), "the schema before the folder");
        assertEquals("9", AuraSchemas.lineageVersion(null, "v9/p.avro"));
        assertEquals("unknown", AuraSchemas.lineageVersion(" ", "p.avro"));
    }

    @Test
    void aMonthWithoutAnyFileIsAnInputErrorNotAZeroInvoice() {
        MemorySource otherMonth = new MemorySource()
                .audit("DAY_DT=2026-08-01/p.avro", List.of(AuditRow.of("k1", "2026-08-01T10:00:00Z", "DEU", "c")));
        InputDataException e = assertThrows(InputDataException.class, () -> read(otherMonth, 1));
        assertTrue(e.getMessage().contains("no Aura_Audit files for 2026-10"), e.getMessage());
        assertTrue(e.getMessage().contains("all 1 files are in DAY_DT folders outside 2026-09-30 to 2026-11-01"),
                e.getMessage());
        assertTrue(e.getMessage().contains("that the period is right"), e.getMessage());
    }

    @Test
    void theShippedSchemasAreTheUpstreamContract() throws Exception {
        for (String dataset : List.of("Aura_Audit", "D_Aura_App", "D_Aura_Channel", "D_Aura_Component",
                "D_Aura_Preset", "D_Gbl_Country")) {
            assertEquals(dataset, AuraSchemas.of(dataset).getName());
        }
        assertEquals("6.0.0", AuraSchemas.of("Aura_Audit").getProp("x-fp-version"));
        assertThrows(IllegalArgumentException.class, () -> AuraSchemas.of("Nope"));
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        int at = AvroFiles.indexOf(haystack, needle, from);
        if (at < 0) {
            throw new AssertionError("not found");
        }
        return at;
    }
}
