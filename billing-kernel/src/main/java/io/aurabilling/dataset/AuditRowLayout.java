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
    // shortcuts for the usual types: a union of null and string (either order), and skipped strings and varints
    private static final int NULLABLE_STRING = 5;
    private static final int SKIP_STRING = 6;
    private static final int SKIP_NULLABLE_STRING = 7;
    private static final int SKIP_VARINT = 8;

    private final int[] op;
    private final int[] slot;
    /** Per nullable-string field: the branch index of null. */
    private final int[] nullBranch;
    /** Per writer field: its type as JSON (told apart in {@link #tupleEncoding}). */
    private final String[] fieldTypes;
    // writer fields [tupleFrom, tupleTo) are exactly the cell fields present (see hasTuple)
    private int tupleFrom;
    private int tupleTo;
    private boolean hasTuple;
    /** Where the cell fields of the last row read start and end in the block (when {@link #hasTuple()}). */
    int tupleStart;
    int tupleEnd;
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
        nullBranch = new int[fields];
        fieldTypes = new String[fields];
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
            int nullable = nullableString(type);
            layout.fieldTypes[i] = type.toString();
            if (s < 0) {
                layout.op[i] = type.getType() == Schema.Type.STRING || type.getType() == Schema.Type.BYTES ? SKIP_STRING
                        : nullable >= 0 ? SKIP_NULLABLE_STRING
                        : type.getType() == Schema.Type.INT || type.getType() == Schema.Type.LONG ? SKIP_VARINT : SKIP;
                layout.nullBranch[i] = nullable;
                layout.skipSchema[i] = type;
                continue;
            }
            if (nullable >= 0) {
                layout.op[i] = NULLABLE_STRING;
                layout.nullBranch[i] = nullable;
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
        layout.findTuple(TUPLE_SLOTS);
        layout.canonical = layout.isCanonical();
        return layout;
    }

    /** The slots of the cell fields: channel, app, country, service, preset, component. */
    private static final java.util.Set<Integer> TUPLE_SLOTS = java.util.Set.of(2, 3, 4, 5, 6, 7);

    /** Sets {@link #hasTuple} when the writer fields of the given slots form one run, nothing else in between. */
    private void findTuple(java.util.Set<Integer> tupleSlots) {
        int from = -1;
        int to = -1;
        for (int i = 0; i < op.length; i++) {
            if (slot[i] >= 0 && tupleSlots.contains(slot[i])) {
                if (from < 0) {
                    from = i;
                } else if (to != i) {
                    return;
                }
                to = i + 1;
            }
        }
        if (from >= 0) {
            tupleFrom = from;
            tupleTo = to;
            hasTuple = true;
        }
    }

    /** @return the writer types of the cell fields, in order: layouts with equal encodings may share tuples */
    String tupleEncoding() {
        StringBuilder sb = new StringBuilder();
        for (int i = tupleFrom; i < tupleTo; i++) {
            sb.append(slot[i]).append('=').append(fieldTypes[i]).append(';');
        }
        return sb.toString();
    }

    /** @return whether the cell fields are one stretch of each row ({@link #tupleStart}, {@link #tupleEnd}) */
    boolean hasTuple() {
        return hasTuple;
    }

    /** @return the branch of null in a union of exactly null and string, else -1 */
    private static int nullableString(Schema type) {
        if (type.getType() != Schema.Type.UNION || type.getTypes().size() != 2) {
            return -1;
        }
        Schema.Type first = type.getTypes().get(0).getType();
        Schema.Type second = type.getTypes().get(1).getType();
        if (first == Schema.Type.NULL && second == Schema.Type.STRING) {
            return 0;
        }
        return first == Schema.Type.STRING && second == Schema.Type.NULL ? 1 : -1;
    }

    /** The operations of Aura's own writer schema, field by field (slot = field index). */
    private static final int[] CANONICAL_OPS = {STRING, STRING, NULLABLE_STRING, NULLABLE_STRING, STRING, ENUM,
            NULLABLE_STRING, STRING};

    // the writer schema is Aura's own (AUDIT_FIELDS in order, then optionally one skipped string
    // field such as DAY_DT): readSkippingTuple reads it by straight-line code, no per-field dispatch
    private boolean canonical;

    private boolean isCanonical() {
        if (op.length < CANONICAL_OPS.length || op.length > CANONICAL_OPS.length + 1) {
            return false;
        }
        for (int i = 0; i < CANONICAL_OPS.length; i++) {
            if (op[i] != CANONICAL_OPS[i] || slot[i] != i) {
                return false;
            }
        }
        return op.length == CANONICAL_OPS.length || op[CANONICAL_OPS.length] == SKIP_NULLABLE_STRING
                || op[CANONICAL_OPS.length] == SKIP_STRING;
    }

    /**
     * Reads one row like {@link #read}, except that the cell fields are only stepped over: their
     * slots keep the values of an earlier row until {@link #readTuple} fills them. For the tuple
     * path ({@link #hasTuple()}), where a known stretch of cell bytes already says all that the
     * row rules need of its fields, and only a new stretch needs them read.
     *
     * @param b the block bytes
     * @param pos where the row starts
     * @param end where the block ends
     * @return where the next row starts
     * @throws IllegalStateException (or an index exception) when the bytes are not a valid row
     */
    int readSkippingTuple(byte[] b, int pos, int end) {
        if (!canonical) {
            // other writer schemas: every field read (they are rare)
            return read(b, pos, end);
        }
        pos = string(b, pos, end, 0);
        pos = string(b, pos, end, 1);
        tupleStart = pos;
        pos = skipNullableString(b, pos, end, 2);
        pos = skipNullableString(b, pos, end, 3);
        pos = skipString(b, pos, end);
        varLong(b, pos);
        pos = varEnd;
        pos = skipNullableString(b, pos, end, 6);
        pos = skipString(b, pos, end);
        tupleEnd = pos;
        if (op.length > CANONICAL_OPS.length) {
            int last = CANONICAL_OPS.length;
            pos = op[last] == SKIP_STRING ? skipString(b, pos, end) : skipNullableString(b, pos, end, last);
        }
        if (pos > end) {
            throw new IllegalStateException("row runs past the end of its block");
        }
        return pos;
    }

    /**
     * Fills the slots of the cell fields of the row last read by {@link #readSkippingTuple}, from
     * its stretch {@code [tupleStart, tupleEnd)}, with the checks that {@link #read} makes.
     *
     * @param b the block bytes of that row
     * @throws IllegalStateException (or an index exception) when the bytes are not valid values of those fields
     */
    void readTuple(byte[] b) {
        if (read(b, tupleStart, tupleEnd, tupleFrom, tupleTo) != tupleEnd) {
            throw new IllegalStateException("the cell fields do not end where they were stepped over");
        }
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
        pos = read(b, pos, end, 0, tupleFrom);
        tupleStart = pos;
        pos = read(b, pos, end, tupleFrom, tupleTo);
        tupleEnd = pos;
        pos = read(b, pos, end, tupleTo, op.length);
        if (pos > end) {
            throw new IllegalStateException("row runs past the end of its block");
        }
        return pos;
    }

    private int read(byte[] b, int pos, int end, int from, int to) {
        int[] ops = op;
        for (int i = from; i < to; i++) {
            int s = slot[i];
            switch (ops[i]) {
                case NULLABLE_STRING -> pos = nullableString(b, pos, end, i, s);
                case STRING -> pos = string(b, pos, end, s);
                case SKIP_STRING -> pos = skipString(b, pos, end);
                case SKIP_NULLABLE_STRING -> pos = skipNullableString(b, pos, end, i);
                case SKIP_VARINT -> {
                    varLong(b, pos);
                    pos = varEnd;
                }
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
        return pos;
    }

    /** A union of null and string: field {@code i} of the writer, value into slot {@code s}. */
    private int nullableString(byte[] b, int pos, int end, int i, int s) {
        int branch = b[pos++];
        if (branch == nullBranch[i] << 1) {
            len[s] = -1;
            return pos;
        }
        if (branch != (1 - nullBranch[i]) << 1) {
            throw new IllegalStateException("union branch out of range");
        }
        return string(b, pos, end, s);
    }

    /** Skips a union of null and string (field {@code i} of the writer). */
    private int skipNullableString(byte[] b, int pos, int end, int i) {
        int branch = b[pos++];
        if (branch == (1 - nullBranch[i]) << 1) {
            return skipString(b, pos, end);
        }
        if (branch != nullBranch[i] << 1) {
            throw new IllegalStateException("union branch out of range");
        }
        return pos;
    }

    private int skipString(byte[] b, int pos, int end) {
        long n = varLong(b, pos);
        pos = varEnd;
        if (n < 0 || n > end - pos) {
            throw new IllegalStateException("length " + n + " out of range");
        }
        return pos + (int) n;
    }

    private int string(byte[] b, int pos, int end, int s) {
        int next = skipString(b, pos, end);
        // skipString leaves varEnd at the first byte of the text
        src[s] = b;
        off[s] = varEnd;
        len[s] = next - varEnd;
        return next;
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
            case BYTES:
                return skipString(b, pos, end);
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
                            pos = skipString(b, pos, end);
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
