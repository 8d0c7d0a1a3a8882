package io.aurabilling.dataset;

import org.apache.avro.Schema;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A hand decoder of {@code Aura_Audit} rows, compiled once per writer schema: for each writer
 * field in order, read it as a byte slice of the decompressed block (the fields billing needs)
 * or skip it. No {@code GenericRecord}, no {@code Utf8}, no {@code String} per row: a needed
 * value is {@code (bytes, offset, length)} in {@link #src}, {@link #off}, {@link #len}, with
 * length {@code -1} for null (a null union branch, or a field the writer lacks). An enum value is
 * its symbol's UTF-8 bytes, as {@code GenericEnumSymbol.toString()} gives it.
 *
 * <p>Needed fields may be a string, an enum, or a union of null, string and enum branches; for
 * any other type of a needed field {@link #compile} returns {@code null} and the caller uses
 * Avro's generic reader. Other fields of any type are skipped. Not thread-safe: one per decoder.
 */
final class AuditRowLayout {
    private static final int NULL = 0;
    private static final int STRING = 1;
    private static final int ENUM = 2;
    private static final int UNION = 3;
    private static final int SKIP = 4;

    private final int[] op;
    private final int[] slot;
    private final Schema[] skipSchema;
    /** Per writer field: enum symbols as UTF-8 (an enum field), or per union branch (a union field). */
    private final byte[][][] symbols;
    /** Per union field: the kind of each branch ({@link #NULL}, {@link #STRING}, {@link #ENUM}). */
    private final int[][] branchKind;
    /** Per union field and branch: the symbols of an enum branch. */
    private final byte[][][][] branchSymbols;

    /** The needed values of the last row read, by slot (the projection order of the wanted fields). */
    final byte[][] src;
    final int[] off;
    final int[] len;

    private AuditRowLayout(int fields, int slots) {
        op = new int[fields];
        slot = new int[fields];
        skipSchema = new Schema[fields];
        symbols = new byte[fields][][];
        branchKind = new int[fields][];
        branchSymbols = new byte[fields][][][];
        src = new byte[slots][];
        off = new int[slots];
        len = new int[slots];
    }

    /**
     * Compiles the plan of a writer schema (a record that has every required field; see
     * {@link AuraSchemas#projection}).
     *
     * @param writer the writer schema
     * @param wanted the fields wanted, in slot order
     * @return the plan, or {@code null} when a wanted field has a type the hand decoder does not read
     */
    static AuditRowLayout compile(Schema writer, List<String> wanted) {
        List<Schema.Field> fields = writer.getFields();
        AuditRowLayout layout = new AuditRowLayout(fields.size(), wanted.size());
        for (int i = 0; i < fields.size(); i++) {
            Schema.Field field = fields.get(i);
            Schema type = field.schema();
            int s = wanted.indexOf(field.name());
            layout.slot[i] = s;
            if (s < 0) {
                layout.op[i] = SKIP;
                layout.skipSchema[i] = type;
                continue;
            }
            switch (type.getType()) {
                case STRING -> layout.op[i] = STRING;
                case ENUM -> {
                    layout.op[i] = ENUM;
                    layout.symbols[i] = symbolBytes(type);
                }
                case UNION -> {
                    List<Schema> branches = type.getTypes();
                    int[] kinds = new int[branches.size()];
                    byte[][][] syms = new byte[branches.size()][][];
                    for (int b = 0; b < kinds.length; b++) {
                        switch (branches.get(b).getType()) {
                            case NULL -> kinds[b] = NULL;
                            case STRING -> kinds[b] = STRING;
                            case ENUM -> {
                                kinds[b] = ENUM;
                                syms[b] = symbolBytes(branches.get(b));
                            }
                            default -> {
                                return null;
                            }
                        }
                    }
                    layout.op[i] = UNION;
                    layout.branchKind[i] = kinds;
                    layout.branchSymbols[i] = syms;
                }
                default -> {
                    return null;
                }
            }
        }
        // wanted fields the writer lacks stay null
        for (int s = 0; s < wanted.size(); s++) {
            layout.len[s] = -1;
        }
        return layout;
    }

    private static byte[][] symbolBytes(Schema e) {
        List<String> names = e.getEnumSymbols();
        byte[][] out = new byte[names.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = names.get(i).getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    /**
     * Reads one row.
     *
     * @param b the block bytes
     * @param pos where the row starts
     * @param end where the block ends
     * @return where the next row starts
     * @throws IllegalStateException (or an index exception) when the bytes are not a valid row
     */
    int read(byte[] b, int pos, int end) {
        int[] ops = op;
        for (int i = 0; i < ops.length; i++) {
            int s = slot[i];
            switch (ops[i]) {
                case STRING -> pos = string(b, pos, end, s);
                case ENUM -> {
                    long v = varLong(b, pos);
                    pos = varEnd;
                    enumValue(symbols[i], v, s);
                }
                case UNION -> {
                    long branch = varLong(b, pos);
                    pos = varEnd;
                    int[] kinds = branchKind[i];
                    if (branch < 0 || branch >= kinds.length) {
                        throw new IllegalStateException("union branch " + branch + " out of range");
                    }
                    int kind = kinds[(int) branch];
                    if (kind == STRING) {
                        pos = string(b, pos, end, s);
                    } else if (kind == NULL) {
                        len[s] = -1;
                    } else {
                        long v = varLong(b, pos);
                        pos = varEnd;
                        enumValue(branchSymbols[i][(int) branch], v, s);
                    }
                }
                default -> pos = skip(skipSchema[i], b, pos, end);
            }
        }
        if (pos > end) {
            throw new IllegalStateException("row runs past the end of its block");
        }
        return pos;
    }

    private int string(byte[] b, int pos, int end, int s) {
        long n = varLong(b, pos);
        pos = varEnd;
        if (n < 0 || n > end - pos) {
            throw new IllegalStateException("string length " + n + " out of range");
        }
        src[s] = b;
        off[s] = pos;
        len[s] = (int) n;
        return pos + (int) n;
    }

    private void enumValue(byte[][] syms, long index, int s) {
        if (index < 0 || index >= syms.length) {
            throw new IllegalStateException("enum index " + index + " out of range");
        }
        byte[] sym = syms[(int) index];
        src[s] = sym;
        off[s] = 0;
        len[s] = sym.length;
    }

    // the end of the last varint read (a field, not a return pair, to keep the hot loop allocation-free)
    private int varEnd;

    private long varLong(byte[] b, int pos) {
        int x = b[pos++];
        if (x >= 0) {
            varEnd = pos;
            return (x >>> 1) ^ -(x & 1);
        }
        long value = x & 0x7F;
        int shift = 7;
        while (true) {
            x = b[pos++];
            value |= (long) (x & 0x7F) << shift;
            if (x >= 0) {
                break;
            }
            shift += 7;
            if (shift > 63) {
                throw new IllegalStateException("invalid varint");
            }
        }
        varEnd = pos;
        return (value >>> 1) ^ -(value & 1);
    }

    /** Skips a value of any Avro type. */
    private int skip(Schema type, byte[] b, int pos, int end) {
        switch (type.getType()) {
            case NULL:
                return pos;
            case BOOLEAN:
                return pos + 1;
            case INT:
            case LONG:
            case ENUM:
                varLong(b, pos);
                return varEnd;
            case FLOAT:
                return pos + 4;
            case DOUBLE:
                return pos + 8;
            case FIXED:
                return pos + type.getFixedSize();
            case STRING:
            case BYTES: {
                long n = varLong(b, pos);
                pos = varEnd;
                if (n < 0 || n > end - pos) {
                    throw new IllegalStateException("length " + n + " out of range");
                }
                return pos + (int) n;
            }
            case UNION: {
                long branch = varLong(b, pos);
                pos = varEnd;
                List<Schema> types = type.getTypes();
                if (branch < 0 || branch >= types.size()) {
                    throw new IllegalStateException("union branch " + branch + " out of range");
                }
                return skip(types.get((int) branch), b, pos, end);
            }
            case RECORD:
                for (Schema.Field f : type.getFields()) {
                    pos = skip(f.schema(), b, pos, end);
                }
                return pos;
            case ARRAY:
            case MAP: {
                while (true) {
                    long count = varLong(b, pos);
                    pos = varEnd;
                    if (count == 0) {
                        return pos;
                    }
                    if (count < 0) {
                        // a block with its byte size: skip it whole
                        long size = varLong(b, pos);
                        pos = varEnd;
                        if (size < 0 || size > end - pos) {
                            throw new IllegalStateException("block size " + size + " out of range");
                        }
                        pos += (int) size;
                        continue;
                    }
                    for (long k = 0; k < count; k++) {
                        if (pos > end) {
                            throw new IllegalStateException("collection runs past the end of its block");
                        }
                        if (type.getType() == Schema.Type.MAP) {
                            pos = skip(Schema.create(Schema.Type.STRING), b, pos, end);
                            pos = skip(type.getValueType(), b, pos, end);
                        } else {
                            pos = skip(type.getElementType(), b, pos, end);
                        }
                    }
                }
            }
            default:
                throw new IllegalStateException("cannot skip type " + type.getType());
        }
    }
}
