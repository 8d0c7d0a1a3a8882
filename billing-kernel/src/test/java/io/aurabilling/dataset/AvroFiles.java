package io.aurabilling.dataset;

import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryData;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Writes small Avro files in memory for tests. */
final class AvroFiles {
    static final Schema AUDIT = AuraSchemas.of("Aura_Audit");

    private AvroFiles() {
    }

    /** An Aura_Audit file in the shipped schema, deflate, one block. */
    static byte[] audit(List<AuditRow> rows) {
        return audit(rows, 0);
    }

    /** An Aura_Audit file in the shipped schema, with a block every {@code rowsPerBlock} rows (0: one block). */
    static byte[] audit(List<AuditRow> rows, int rowsPerBlock) {
        List<GenericRecord> records = new ArrayList<>();
        for (AuditRow row : rows) {
            records.add(auditRecord(AUDIT, row));
        }
        return write(AUDIT, records, rowsPerBlock, CodecFactory.deflateCodec(1));
    }

    /** A record of any audit-like schema: fields it lacks are ignored, fields the row lacks are null. */
    static GenericRecord auditRecord(Schema schema, AuditRow row) {
        GenericData.Record r = new GenericData.Record(schema);
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("INTERACTION_ID", row.interaction());
        values.put("AURA_TM", row.tm());
        values.put("AURA_CHANNEL_ID", row.channel());
        values.put("AURA_APP_ID", row.app());
        values.put("COUNTRY_3_ALPHA_CD", row.country());
        values.put("AURA_PRESET_NAME", row.preset());
        values.put("AURA_COMPONENT_ID", row.component());
        for (Schema.Field f : schema.getFields()) {
            if (f.name().equals("AURA_SERVICE_NAME_CD")) {
                Schema s = f.schema();
                if (s.getType() == Schema.Type.ENUM) {
                    r.put(f.pos(), new GenericData.EnumSymbol(s, row.service() == null ? "other" : row.service()));
                } else {
                    r.put(f.pos(), row.service());
                }
            } else if (values.containsKey(f.name())) {
                r.put(f.pos(), values.get(f.name()));
            } else if (f.hasDefaultValue()) {
                r.put(f.pos(), GenericData.get().getDefaultValue(f));
            }
        }
        return r;
    }

    /** Any file. */
    static byte[] write(Schema schema, List<GenericRecord> records, int rowsPerBlock, CodecFactory codec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
            writer.setCodec(codec);
            writer.create(schema, out);
            int n = 0;
            for (GenericRecord record : records) {
                writer.append(record);
                if (rowsPerBlock > 0 && ++n % rowsPerBlock == 0) {
                    writer.sync();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A dimension file: {@code (key, name)} pairs in the shipped schema of the dataset. */
    static byte[] dimension(String dataset, String keyField, String nameField, String... keysAndNames) {
        Schema schema = AuraSchemas.of(dataset);
        List<GenericRecord> records = new ArrayList<>();
        for (int i = 0; i < keysAndNames.length; i += 2) {
            GenericData.Record r = new GenericData.Record(schema);
            r.put(keyField, keysAndNames[i]);
            r.put(nameField, keysAndNames[i + 1]);
            records.add(r);
        }
        return write(schema, records, 0, CodecFactory.nullCodec());
    }

    /**
     * A file of one block (null or deflate codec) whose decompressed block bytes are changed, its
     * block size written again to match: a block whose bytes disagree with its row count.
     *
     * @param file the file, with exactly one block
     * @param deflated whether its codec is deflate (else null)
     * @param change makes the new decompressed bytes from the old
     */
    static byte[] withBlockBytes(byte[] file, boolean deflated, java.util.function.UnaryOperator<byte[]> change) {
        byte[] sync = java.util.Arrays.copyOfRange(file, file.length - 16, file.length);
        // the block follows the header, which ends with the sync marker
        int headerEnd = indexOf(file, sync, 0) + 16;
        int sizeAt = BinaryData.skipLong(file, headerEnd);
        int start = BinaryData.skipLong(file, sizeAt);
        try {
            BinaryDecoder in = DecoderFactory.get().binaryDecoder(file, headerEnd, start - headerEnd, null);
            long count = in.readLong();
            long size = in.readLong();
            if (start + size + 16 != file.length) {
                throw new IllegalArgumentException("not a file of one block");
            }
            byte[] data = java.util.Arrays.copyOfRange(file, start, start + (int) size);
            byte[] changed = deflated ? deflate(change.apply(inflate(data))) : change.apply(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(file, 0, headerEnd);
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            encoder.writeLong(count);
            encoder.writeLong(changed.length);
            encoder.writeFixed(changed);
            encoder.writeFixed(sync);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return where needle starts at or after from, or -1 */
    static int indexOf(byte[] haystack, byte[] needle, int from) {
        for (int i = from; i <= haystack.length - needle.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    // Avro's deflate codec: raw deflate, no zlib wrapper (as its DeflateCodec writes and reads it)
    private static byte[] inflate(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.InflaterOutputStream inflating = new java.util.zip.InflaterOutputStream(out,
                new java.util.zip.Inflater(true))) {
            inflating.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream deflating = new java.util.zip.DeflaterOutputStream(out,
                new java.util.zip.Deflater(1, true))) {
            deflating.write(data);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
