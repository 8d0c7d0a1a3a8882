package io.aurabilling.dataset;

import io.aurabilling.InputDataException;
import io.aurabilling.usage.RowAccounting;
import io.aurabilling.usage.UsageAggregate;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The block reader: every codec gives the same rows and the SHA-256 of the raw file bytes, whether
 * read on the own path (null, deflate, zstandard: reused buffers) or through Avro's
 * {@code DataFileStream} (bzip2); blocks far larger than the read buffer; a cut or corrupted
 * zstandard file fails naming its block.
 */
class AvroFileReaderTest {
    private static List<GenericRecord> rows(int n) {
        List<GenericRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // ids repeat every 700 rows with the same component: duplicates across blocks
            records.add(AvroFiles.auditRecord(AvroFiles.AUDIT, AuditRow.of("id-" + (i % 700) + "-padding-to-make-rows-longer",
                    "2026-10-04T10:00:00Z", i % 3 == 0 ? "DEU" : "ESP", "c")));
        }
        return records;
    }

    @Test
    void everyCodecGivesTheSameRowsAndTheRawFileDigest() {
        List<GenericRecord> records = rows(3000);
        UsageAggregate expected = null;
        for (CodecFactory codec : List.of(CodecFactory.nullCodec(), CodecFactory.deflateCodec(6),
                CodecFactory.zstandardCodec(3), CodecFactory.bzip2Codec(), CodecFactory.snappyCodec(),
                CodecFactory.xzCodec(6))) {
            // small blocks, Avro's default (about 64 KB) and one 3000-row block far larger than the 64 KB read buffer
            for (int perBlock : new int[] {7, 1000, 0}) {
                byte[] bytes = perBlock == 0 ? oneBlock(records, codec)
                        : AvroFiles.write(AvroFiles.AUDIT, records, perBlock, codec);
                UsageAggregate usage = AuraDatasetsTest.read(new MemorySource().put("Aura_Audit", "p.avro", bytes), 1)
                        .usage();
                assertEquals(AvroFiles.sha256(bytes), usage.inputs().get(0).sha256(), codec + " " + perBlock);
                assertEquals(3000, usage.inputs().get(0).rows(), codec + " " + perBlock);
                // 700 distinct ids; row i's country decides: first copies of ids 0..699
                assertEquals(new RowAccounting(234, 0, 0, 0, 766, 0), usage.rows("DEU"), codec + " " + perBlock);
                if (expected == null) {
                    expected = usage;
                }
                assertEquals(expected.cellMap(), usage.cellMap(), codec + " " + perBlock);
                assertEquals(expected.rowsByCountry(), usage.rowsByCountry(), codec + " " + perBlock);
                assertEquals(expected.requestsByCountry(), usage.requestsByCountry(), codec + " " + perBlock);
            }
        }
    }

    @Test
    void aCutOrCorruptZstandardFileNamesItsBlock() {
        byte[] bytes = AvroFiles.write(AvroFiles.AUDIT, rows(3000), 1000, CodecFactory.zstandardCodec(3));
        byte[] sync = Arrays.copyOfRange(bytes, bytes.length - 16, bytes.length);
        int blocks = -1;
        for (int at = AvroFiles.indexOf(bytes, sync, 0); at >= 0; at = AvroFiles.indexOf(bytes, sync, at + 16)) {
            blocks++;
        }
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 40);
        InputDataException e = assertThrows(InputDataException.class,
                () -> AuraDatasetsTest.read(new MemorySource().put("Aura_Audit", "z.avro", cut), 1));
        assertTrue(e.getMessage().contains("z.avro is corrupt or truncated at block " + (blocks - 1)), e.getMessage());
        byte[] bad = bytes.clone();
        // the first block's size and the start of its zstandard frame, just past the header's sync
        int headerEnd = AvroFiles.indexOf(bytes, sync, 0) + 16;
        for (int i = 2; i < 12; i++) {
            bad[headerEnd + i] ^= 0x5A;
        }
        e = assertThrows(InputDataException.class,
                () -> AuraDatasetsTest.read(new MemorySource().put("Aura_Audit", "z.avro", bad), 1));
        assertTrue(e.getMessage().contains("z.avro is corrupt or truncated at block 0"), e.getMessage());
    }

    @Test
    void aCorruptOrCutFileReadThroughAvroNamesTheBlockBeingRead() {
        for (CodecFactory codec : List.of(CodecFactory.snappyCodec(), CodecFactory.bzip2Codec(), CodecFactory.xzCodec(6))) {
            byte[] bytes = AvroFiles.write(AvroFiles.AUDIT, rows(3000), 1000, codec);
            byte[] sync = Arrays.copyOfRange(bytes, bytes.length - 16, bytes.length);
            // the second block (block 1) starts after the first block's sync
            int secondBlock = AvroFiles.indexOf(bytes, sync, AvroFiles.indexOf(bytes, sync, 0) + 16) + 16;
            byte[] bad = bytes.clone();
            for (int i = 4; i < 24; i++) {
                bad[secondBlock + i] ^= 0x5A;
            }
            InputDataException e = assertThrows(InputDataException.class,
                    () -> AuraDatasetsTest.read(new MemorySource().put("Aura_Audit", "s.avro", bad), 1), codec.toString());
            assertTrue(e.getMessage().contains("s.avro is corrupt or truncated at block 1 (after "), codec + ": " + e.getMessage());
            assertTrue(e.getMessage().contains(" rows, within the first "), codec + ": " + e.getMessage());
            int blocks = -1;
            for (int at = AvroFiles.indexOf(bytes, sync, 0); at >= 0; at = AvroFiles.indexOf(bytes, sync, at + 16)) {
                blocks++;
            }
            int lastBlock = blocks - 1;
            byte[] cut = Arrays.copyOf(bytes, bytes.length - 40);
            e = assertThrows(InputDataException.class,
                    () -> AuraDatasetsTest.read(new MemorySource().put("Aura_Audit", "s.avro", cut), 1), codec.toString());
            assertTrue(e.getMessage().contains("s.avro is corrupt or truncated at block " + lastBlock + " (after "),
                    codec + ": " + e.getMessage());
        }
    }

    /** All records in one block (sync interval raised above the file's size). */
    private static byte[] oneBlock(List<GenericRecord> records, CodecFactory codec) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.apache.avro.file.DataFileWriter<GenericRecord> writer = new org.apache.avro.file.DataFileWriter<>(
                new org.apache.avro.generic.GenericDatumWriter<>(AvroFiles.AUDIT))) {
            writer.setCodec(codec);
            writer.setSyncInterval(1 << 30);
            writer.create(AvroFiles.AUDIT, out);
            for (GenericRecord record : records) {
                writer.append(record);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        byte[] sync = Arrays.copyOfRange(bytes, bytes.length - 16, bytes.length);
        assertEquals(bytes.length - 16, AvroFiles.indexOf(bytes, sync, AvroFiles.indexOf(bytes, sync, 0) + 16), "one block");
        return bytes;
    }
}
