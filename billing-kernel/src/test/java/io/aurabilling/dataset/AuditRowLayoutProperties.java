package io.aurabilling.dataset;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tuple path's row reading ({@link AuditRowLayout#readSkippingTuple}, then
 * {@link AuditRowLayout#readTuple} for a new tuple) ends each row where the full reading does and,
 * once the cell fields are read, gives the same values, whatever the rows before it left in the slots.
 */
class AuditRowLayoutProperties {

    @Property
    void skippingTheCellFieldsThenReadingThemIsTheFullReading(@ForAll("rows") @Size(min = 1, max = 20) List<AuditRow> rows)
            throws IOException {
        byte[] block = encode(rows);
        AuditRowLayout full = AuditRowLayout.compile(AvroFiles.AUDIT, AuraSchemas.AUDIT_FIELDS);
        AuditRowLayout skipping = AuditRowLayout.compile(AvroFiles.AUDIT, AuraSchemas.AUDIT_FIELDS);
        assertTrue(skipping.hasTuple());
        int fullPos = 0;
        int skipPos = 0;
        for (AuditRow row : rows) {
            fullPos = full.read(block, fullPos, block.length);
            skipPos = skipping.readSkippingTuple(block, skipPos, block.length);
            assertEquals(fullPos, skipPos, "end of " + row);
            assertEquals(full.tupleStart, skipping.tupleStart);
            assertEquals(full.tupleEnd, skipping.tupleEnd);
            // the id and the timestamp are read either way
            for (int s = 0; s < 2; s++) {
                assertEquals(text(full, s), text(skipping, s), "slot " + s + " of " + row);
            }
            skipping.readTuple(block);
            for (int s = 0; s < AuraSchemas.AUDIT_FIELDS.size(); s++) {
                assertEquals(text(full, s), text(skipping, s), "slot " + s + " of " + row);
            }
        }
        assertEquals(block.length, skipPos);
    }

    @Property(tries = 50)
    void aRowCutShortThrowsEitherWay(@ForAll("rows") @Size(min = 1, max = 3) List<AuditRow> rows) throws IOException {
        byte[] block = encode(rows);
        byte[] cut = Arrays.copyOf(block, block.length - 1);
        AuditRowLayout full = AuditRowLayout.compile(AvroFiles.AUDIT, AuraSchemas.AUDIT_FIELDS);
        AuditRowLayout skipping = AuditRowLayout.compile(AvroFiles.AUDIT, AuraSchemas.AUDIT_FIELDS);
        boolean fullFailed = readsAll(full, cut, false);
        boolean skippingFailed = readsAll(skipping, cut, true);
        assertTrue(fullFailed && skippingFailed, "full " + fullFailed + ", skipping " + skippingFailed);
    }

    /** @return whether reading the rows of the block threw (a row running past its end must) */
    private static boolean readsAll(AuditRowLayout layout, byte[] block, boolean skipping) {
        try {
            // zeros after the block's end, as in a reused buffer: the reading must not take them for a row's last bytes
            byte[] padded = Arrays.copyOf(block, block.length + 16);
            int pos = 0;
            while (pos < block.length) {
                pos = skipping ? layout.readSkippingTuple(padded, pos, block.length) : layout.read(padded, pos, block.length);
            }
            return false;
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static String text(AuditRowLayout layout, int slot) {
        int len = layout.len[slot];
        return len < 0 ? null : new String(layout.src[slot], layout.off[slot], len, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static byte[] encode(List<AuditRow> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        GenericDatumWriter<GenericRecord> writer = new GenericDatumWriter<>(AvroFiles.AUDIT);
        for (AuditRow row : rows) {
            writer.write(AvroFiles.auditRecord(AvroFiles.AUDIT, row), encoder);
        }
        encoder.flush();
        return out.toByteArray();
    }

    @Provide
    Arbitrary<List<AuditRow>> rows() {
        Arbitrary<String> text = Arbitraries.strings().withChars("abcé -_0123456789").ofMaxLength(12);
        Arbitrary<String> nullable = text.injectNull(0.3);
        List<String> symbols = AvroFiles.AUDIT.getField("AURA_SERVICE_NAME_CD").schema().getEnumSymbols();
        Arbitrary<AuditRow> row = Combinators.combine(text, text, nullable, nullable, text, Arbitraries.of(symbols),
                nullable, text).as(AuditRow::new);
        return row.list();
    }
}
