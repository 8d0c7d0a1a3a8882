package io.aurabilling.dataset;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tuple table's word-at-a-time comparison agrees with {@link Arrays#equals} at every length and offset. */
class TupleTableProperties {

    @Property
    void sameBytesIsArraysEquals(@ForAll @Size(max = 100) byte[] bytes, @ForAll @IntRange(max = 7) int aOff,
                                 @ForAll @IntRange(max = 7) int bOff, @ForAll @IntRange(max = 99) int flipAt,
                                 @ForAll boolean flip) {
        byte[] a = new byte[aOff + bytes.length];
        byte[] b = new byte[bOff + bytes.length + 3];
        System.arraycopy(bytes, 0, a, aOff, bytes.length);
        System.arraycopy(bytes, 0, b, bOff, bytes.length);
        if (flip && flipAt < bytes.length) {
            b[bOff + flipAt] ^= 1;
        }
        int len = bytes.length;
        assertEquals(Arrays.equals(a, aOff, aOff + len, b, bOff, bOff + len), TupleTable.sameBytes(a, aOff, b, bOff, len));
    }

    @Property
    void aDifferenceAtAnyPositionIsSeen(@ForAll @IntRange(min = 1, max = 80) int len, @ForAll @IntRange(max = 79) int at) {
        byte[] a = new byte[len];
        byte[] b = new byte[len];
        Arrays.fill(a, (byte) 'x');
        Arrays.fill(b, (byte) 'x');
        assertTrue(TupleTable.sameBytes(a, 0, b, 0, len));
        b[at % len] = 'y';
        assertTrue(!TupleTable.sameBytes(a, 0, b, 0, len), "difference at " + at % len + " of " + len);
    }
}
