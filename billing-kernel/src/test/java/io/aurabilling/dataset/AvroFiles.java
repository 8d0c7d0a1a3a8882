package io.aurabilling.dataset;

import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

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
        int p = indexOf(file, sync) + 16;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(file, 0, p);
        long[] count = varLong(file, p);
        long[] size = varLong(file, (int) count[1]);
        int start = (int) size[1];
        if (start + size[0] + 16 != file.length) {
            throw new IllegalArgumentException("not a file of one block");
        }
        byte[] data = java.util.Arrays.copyOfRange(file, start, start + (int) size[0]);
        byte[] changed = deflated ? deflate(change.apply(inflate(data))) : change.apply(data);
        writeVarLong(out, count[0]);
        writeVarLong(out, changed.length);
        out.write(changed, 0, changed.length);
        out.write(sync, 0, sync.length);
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (java.util.Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }

    /** @return a zig-zag varint at {@code p}: its value and the position after it */
    private static long[] varLong(byte[] b, int p) {
        long raw = 0;
        int shift = 0;
        int x;
        do {
            x = b[p++] & 0xFF;
            raw |= (long) (x & 0x7F) << shift;
            shift += 7;
        } while ((x & 0x80) != 0);
        return new long[]{(raw >>> 1) ^ -(raw & 1), p};
    }

    private static void writeVarLong(ByteArrayOutputStream out, long value) {
        long raw = (value << 1) ^ (value >> 63);
        while ((raw & ~0x7FL) != 0) {
            out.write((int) ((raw & 0x7F) | 0x80));
            raw >>>= 7;
        }
        out.write((int) raw);
    }

    // Avro's deflate codec: raw deflate, no zlib wrapper
    private static byte[] inflate(byte[] data) {
        java.util.zip.Inflater inflater = new java.util.zip.Inflater(true);
        inflater.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, n);
            }
        } catch (java.util.zip.DataFormatException e) {
            throw new IllegalArgumentException(e);
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(1, true);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!deflater.finished()) {
            out.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
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
