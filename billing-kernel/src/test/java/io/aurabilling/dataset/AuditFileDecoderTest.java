package io.aurabilling.dataset;

import io.aurabilling.InputDataException;
import io.aurabilling.usage.UsageAggregate;
import io.aurabilling.usage.UsageKey;
import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand decoder: UUIDs eight hex digits at a time, exact against {@link UUID}; other writer types; block ends. */
class AuditFileDecoderTest {

    @Test
    void canonicalLowerCaseUuidsParseLikeJavaUtilUuid() {
        Random random = new Random(7);
        long[] out = new long[2];
        for (int i = 0; i < 20_000; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            // at an offset inside a larger array, as in a block
            byte[] b = ("xyz" + id + "tail").getBytes(StandardCharsets.US_ASCII);
            assertTrue(AuditFileDecoder.parseUuid(b, 3, 36, out), id.toString());
            assertArrayEquals(new long[] {id.getMostSignificantBits(), id.getLeastSignificantBits()}, out, id.toString());
        }
        byte[] zero = "00000000-0000-0000-0000-000000000000".getBytes(StandardCharsets.US_ASCII);
        assertTrue(AuditFileDecoder.parseUuid(zero, 0, 36, out));
        assertArrayEquals(new long[] {0, 0}, out);
        byte[] max = "ffffffff-ffff-ffff-ffff-ffffffffffff".getBytes(StandardCharsets.US_ASCII);
        assertTrue(AuditFileDecoder.parseUuid(max, 0, 36, out));
        assertArrayEquals(new long[] {-1, -1}, out);
    }

    @Test
    void anythingElseStaysBytes() {
        long[] out = new long[2];
        String good = "0a1b2c3d-4e5f-6789-abcd-ef0123456789";
        for (int p = 0; p < 36; p++) {
            if (p == 8 || p == 13 || p == 18 || p == 23) {
                continue;
            }
            for (char c : new char[] {'A', 'F', 'g', '/', ':', '`', 'G', ' ', '-', '\u00e9'}) {
                String bad = good.substring(0, p) + c + good.substring(p + 1);
                byte[] b = bad.getBytes(StandardCharsets.ISO_8859_1);
                assertFalse(AuditFileDecoder.parseUuid(b, 0, 36, out), bad);
            }
        }
        assertFalse(AuditFileDecoder.parseUuid("0a1b2c3d04e5f-6789-abcd-ef0123456789".getBytes(StandardCharsets.US_ASCII), 0, 36, out));
        assertFalse(AuditFileDecoder.parseUuid((good + "0").getBytes(StandardCharsets.US_ASCII), 0, 37, out));
        assertTrue(AuditFileDecoder.parseUuid(good.getBytes(StandardCharsets.US_ASCII), 0, 36, out));
        assertArrayEquals(new long[] {0x0a1b2c3d4e5f6789L, 0xabcdef0123456789L}, out);
    }

    private static UsageAggregate readOne(Schema schema, List<GenericRecord> records) {
        MemorySource source = new MemorySource().put("Aura_Audit", "DAY_DT=2026-10-07/a.avro",
                AvroFiles.write(schema, records, 2, CodecFactory.deflateCodec(6)));
        return AuraDatasets.read(source, AuraDatasetsTest.OCTOBER, c -> ZoneOffset.UTC, ZoneOffset.UTC,
                new ReadOptions(2, false)).usage();
    }

    @Test
    void fieldsOfEveryOtherTypeAreSkippedAndEnumBranchesReadAsTheirSymbols() {
        Schema schema = new Schema.Parser().parse("""
                {"type":"record","name":"A","fields":[
                 {"name":"B","type":"boolean"}, {"name":"I","type":"int"}, {"name":"F","type":"float"},
                 {"name":"D","type":"double"}, {"name":"Y","type":"bytes"},
                 {"name":"X","type":{"type":"fixed","name":"Six","size":6}},
                 {"name":"R","type":{"type":"record","name":"In","fields":[{"name":"s","type":"string"},{"name":"l","type":"long"}]}},
                 {"name":"L","type":{"type":"array","items":"string"}},
                 {"name":"M","type":{"type":"map","values":["null","long"]}},
                 {"name":"COUNTRY_3_ALPHA_CD","type":{"type":"enum","name":"C","symbols":["ESP","BRA"]}},
                 {"name":"AURA_CHANNEL_ID","type":["null",{"type":"enum","name":"Ch","symbols":["web","ivr"]}]},
                 {"name":"AURA_APP_ID","type":["string","null"]},
                 {"name":"INTERACTION_ID","type":"string"}, {"name":"AURA_TM","type":"string"},
                 {"name":"AURA_COMPONENT_ID","type":"string"}]}""");
        Schema in = schema.getField("R").schema();
        List<GenericRecord> records = new java.util.ArrayList<>();
        String[][] rows = {{"ESP", "ivr", "app1", "i1"}, {"BRA", null, null, "i2"}, {"ESP", "ivr", "app1", "i1"}};
        for (String[] row : rows) {
            GenericRecord r = new GenericData.Record(schema);
            r.put("B", true);
            r.put("I", -7);
            r.put("F", 1.5f);
            r.put("D", 2.5);
            r.put("Y", ByteBuffer.wrap(new byte[] {1, 2, 3}));
            r.put("X", new GenericData.Fixed(schema.getField("X").schema(), new byte[6]));
            GenericRecord inner = new GenericData.Record(in);
            inner.put("s", "text");
            inner.put("l", 123456789012L);
            r.put("R", inner);
            r.put("L", List.of("a", "bb"));
            r.put("M", Map.of("k", 1L, "n", 2L));
            r.put("COUNTRY_3_ALPHA_CD", new GenericData.EnumSymbol(schema.getField("COUNTRY_3_ALPHA_CD").schema(), row[0]));
            r.put("AURA_CHANNEL_ID", row[1] == null ? null
                    : new GenericData.EnumSymbol(schema.getField("AURA_CHANNEL_ID").schema().getTypes().get(1), row[1]));
            r.put("AURA_APP_ID", row[2]);
            r.put("INTERACTION_ID", row[3]);
            r.put("AURA_TM", "2026-10-07T08:00:00Z");
            r.put("AURA_COMPONENT_ID", "c");
            records.add(r);
        }
        UsageAggregate usage = readOne(schema, records);
        LocalDate day = LocalDate.of(2026, 10, 7);
        assertEquals(Map.of(new UsageKey("ESP", day, "c", "app1", "ivr", "other", null), 1L,
                new UsageKey("BRA", day, "c", null, null, "other", null), 1L), usage.cellMap());
        assertEquals(1, usage.rows("ESP").duplicate());
    }

    /** A writer schema with AURA_APP_ID as a long: not a hand-decoded type (its text is the number). */
    private static final Schema LONG_APP = new Schema.Parser().parse("""
            {"type":"record","name":"A","fields":[
             {"name":"INTERACTION_ID","type":"string"}, {"name":"AURA_TM","type":"string"},
             {"name":"AURA_APP_ID","type":["null","long"]}, {"name":"COUNTRY_3_ALPHA_CD","type":"string"},
             {"name":"AURA_SERVICE_NAME_CD","type":{"type":"enum","name":"S","symbols":["message","ai"]}},
             {"name":"AURA_COMPONENT_ID","type":"string"}]}""");

    @Test
    void aNeededFieldOfAnotherTypeGoesThroughAvrosGenericReaderToTheSameRules() {
        UsageAggregate usage = readOne(LONG_APP, longAppRecords());
        LocalDate day = LocalDate.of(2026, 10, 7);
        assertEquals(Map.of(new UsageKey("DEU", day, "c", "42", null, "ai", null), 1L,
                new UsageKey("DEU", day, "c", null, null, "message", null), 1L), usage.cellMap());
        assertEquals(new io.aurabilling.usage.RowAccounting(2, 1, 1, 0, 1, 0), usage.rows("DEU"));
        assertEquals(2, usage.requests("DEU"));
    }

    @Test
    void bytesAfterTheLastRowOfABlockReadByAvrosGenericReaderMakeTheFileCorrupt() {
        byte[] good = AvroFiles.write(LONG_APP, longAppRecords(), 0, CodecFactory.nullCodec());
        byte[] extra = AvroFiles.withBlockBytes(good, false, b -> Arrays.copyOf(b, b.length + 2));
        MemorySource source = new MemorySource().put("Aura_Audit", "DAY_DT=2026-10-07/a.avro", extra);
        InputDataException e = assertThrows(InputDataException.class, () -> AuraDatasets.read(source,
                AuraDatasetsTest.OCTOBER, c -> ZoneOffset.UTC, ZoneOffset.UTC, new ReadOptions(1, false)));
        assertTrue(e.getMessage().contains("a.avro is corrupt or truncated at block 0")
                && e.getMessage().contains("bytes after the block's last row"), e.getMessage());
    }

    private static List<GenericRecord> longAppRecords() {
        Schema schema = LONG_APP;
        List<GenericRecord> records = new java.util.ArrayList<>();
        Object[][] rows = {{"i1", 42L, "ai", "2026-10-07T08:00:00Z"}, {"i1", 42L, "ai", "2026-10-07T08:00:01Z"},
                {"i2", null, "message", "2026-10-07T09:00:00Z"}, {"i3", null, "message", "bad"},
                {" ", null, "message", "2026-10-07T09:00:00Z"}};
        for (Object[] row : rows) {
            GenericRecord r = new GenericData.Record(schema);
            r.put("INTERACTION_ID", row[0]);
            r.put("AURA_TM", row[3]);
            r.put("AURA_APP_ID", row[1]);
            r.put("COUNTRY_3_ALPHA_CD", "DEU");
            r.put("AURA_SERVICE_NAME_CD", new GenericData.EnumSymbol(schema.getField("AURA_SERVICE_NAME_CD").schema(), row[2]));
            r.put("AURA_COMPONENT_ID", "c");
            records.add(r);
        }
        return records;
    }
}
