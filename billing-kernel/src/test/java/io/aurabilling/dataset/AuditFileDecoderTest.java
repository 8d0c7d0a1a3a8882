package io.aurabilling.dataset;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand decoder's id parsing: UUIDs eight hex digits at a time, exact against {@link UUID}. */
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
}
