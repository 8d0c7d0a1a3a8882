package io.aurabilling.dataset;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small UTF-8 bytes to {@code String} cache for low-cardinality ids (countries, components,
 * apps, channels, presets, services): a row whose id was seen before costs a hash and a byte
 * comparison, no allocation. Past {@link #LIMIT} distinct ids it stops caching and simply
 * decodes, so a high-cardinality column cannot exhaust memory. Not thread-safe.
 */
final class IdInterner {
    static final int LIMIT = 1 << 16;

    private byte[][] keys = new byte[64][];
    private String[] values = new String[64];
    private int[] hashes = new int[64];
    private int size;

    /**
     * @param b bytes
     * @param off start
     * @param len length
     * @return the string of those UTF-8 bytes, the same instance for the same bytes while cached
     */
    String intern(byte[] b, int off, int len) {
        int h = hash(b, off, len);
        int mask = keys.length - 1;
        int i = h & mask;
        while (keys[i] != null) {
            if (hashes[i] == h && Arrays.equals(keys[i], 0, keys[i].length, b, off, off + len)) {
                return values[i];
            }
            i = (i + 1) & mask;
        }
        String value = new String(b, off, len, StandardCharsets.UTF_8);
        if (size >= LIMIT) {
            return value;
        }
        keys[i] = Arrays.copyOfRange(b, off, off + len);
        values[i] = value;
        hashes[i] = h;
        if (++size * 2 > keys.length) {
            grow();
        }
        return value;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        String[] oldValues = values;
        int[] oldHashes = hashes;
        keys = new byte[oldKeys.length * 2][];
        values = new String[oldKeys.length * 2];
        hashes = new int[oldKeys.length * 2];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = oldHashes[j] & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
                hashes[i] = oldHashes[j];
            }
        }
    }

    static int hash(byte[] b, int off, int len) {
        int h = 0x9E3779B9 ^ len;
        for (int i = off; i < off + len; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
