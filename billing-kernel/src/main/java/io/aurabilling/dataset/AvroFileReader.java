package io.aurabilling.dataset;

import io.aurabilling.InputDataException;
import io.aurabilling.usage.InputFile;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * One Avro data file read block by block, with its SHA-256 computed from the same bytes (no
 * second pass) and the position kept for error messages. Not thread-safe.
 */
final class AvroFileReader implements Closeable {
    private final String dataset;
    private final String relativePath;
    private final String sourceVersion;
    private final CountingStream counting;
    private final MessageDigest digest;
    private final DataFileStream<Object> stream;
    private BinaryDecoder decoder;
    private ByteBuffer block;
    private long blockRows;
    private int blockIndex = -1;
    private byte[] sync;
    private long rowsBefore;

    private AvroFileReader(String dataset, String relativePath, String sourceVersion, CountingStream counting,
                           MessageDigest digest, DataFileStream<Object> stream) {
        this.dataset = dataset;
        this.relativePath = relativePath;
        this.sourceVersion = sourceVersion;
        this.counting = counting;
        this.digest = digest;
        this.stream = stream;
    }

    /**
     * Opens a file and reads its header.
     *
     * @throws InputDataException when it cannot be opened or is not an Avro data file
     */
    static AvroFileReader open(String dataset, DatasetSource.DatasetFile file) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
        InputStream raw;
        try {
            raw = file.open();
        } catch (IOException e) {
            throw new InputDataException(dataset + " file " + file.relativePath() + " cannot be opened: "
                    + e.getMessage() + "; check that it exists and is readable", e);
        }
        CountingStream counting = new CountingStream(new DigestInputStream(raw, digest));
        try {
            counting.capture = new java.io.ByteArrayOutputStream();
            DataFileStream<Object> stream = new DataFileStream<>(counting, new GenericDatumReader<>());
            byte[] headerBytes = counting.capture.toByteArray();
            counting.capture = null;
            AvroFileReader reader = new AvroFileReader(dataset, file.relativePath(), file.version(), counting, digest,
                    stream);
            reader.sync = syncMarker(headerBytes);
            return reader;
        } catch (IOException | RuntimeException e) {
            closeQuietly(counting);
            throw new InputDataException(dataset + " file " + file.relativePath()
                    + " is not a readable Avro data file (bad or missing header, byte offset " + counting.count
                    + "): " + describe(e) + ". Replace the file, or read with skipBadFiles to leave it out", e);
        }
    }

    /** @return the writer schema from the file's header */
    Schema writerSchema() {
        return stream.getSchema();
    }

    /**
     * The dataset version: the one the source knows (Kernel's dataset version), else the writer schema's
     * {@code x-fp-version}, else a version folder, else {@code unknown}.
     *
     * @return the version
     */
    String version() {
        if (sourceVersion != null && !sourceVersion.isBlank()) {
            return sourceVersion;
        }
        String prop = writerSchema().getProp("x-fp-version");
        if (prop != null && !prop.isBlank()) {
            return prop;
        }
        String folder = DatasetPaths.folderVersion(relativePath);
        return folder != null ? folder : "unknown";
    }

    /**
     * Moves to the next block.
     *
     * @return false at the end of the file
     * @throws InputDataException when the block is corrupt or truncated
     */
    boolean nextBlock() {
        rowsBefore += Math.max(blockRows, 0);
        try {
            if (!stream.hasNext()) {
                blockRows = 0;
                checkComplete();
                return false;
            }
            blockIndex++;
            blockRows = stream.getBlockCount();
            block = stream.nextBlock();
            decoder = null;
            return true;
        } catch (IOException | RuntimeException e) {
            blockIndex = Math.max(blockIndex, 0);
            throw corrupt(e);
        }
    }

    /**
     * Avro's reader takes a file cut inside a block for a clean end; a complete file always ends
     * with the sync marker of its header, so anything else is a truncation.
     */
    private void checkComplete() throws IOException {
        byte[] rest = new byte[8192];
        while (counting.read(rest) >= 0) {
            // reach the real end of the file
        }
        if (counting.count < 16 || !java.util.Arrays.equals(counting.tail(), sync)) {
            blockIndex++;
            throw new java.io.EOFException("the file ends inside a block (truncated)");
        }
    }

    /** The 16-byte sync marker at the end of an Avro header: magic, metadata map, sync. */
    private static byte[] syncMarker(byte[] header) {
        int[] pos = {4};
        while (true) {
            long count = varLong(header, pos);
            if (count == 0) {
                break;
            }
            if (count < 0) {
                count = -count;
                varLong(header, pos);
            }
            for (long i = 0; i < 2 * count; i++) {
                long length = varLong(header, pos);
                pos[0] += (int) length;
            }
        }
        return java.util.Arrays.copyOfRange(header, pos[0], pos[0] + 16);
    }

    private static long varLong(byte[] b, int[] pos) {
        long value = 0;
        int shift = 0;
        int x;
        do {
            x = b[pos[0]++] & 0xFF;
            value |= (long) (x & 0x7F) << shift;
            shift += 7;
        } while ((x & 0x80) != 0);
        return (value >>> 1) ^ -(value & 1);
    }

    /** @return a decoder over the current block (made on first use; hand decoders use {@link #blockBytes}) */
    BinaryDecoder decoder() {
        if (decoder == null) {
            decoder = DecoderFactory.get().binaryDecoder(block.array(), blockOffset(), blockLength(), null);
        }
        return decoder;
    }

    /** @return the array holding the current block's decompressed bytes (from {@link #blockOffset}) */
    byte[] blockBytes() {
        return block.array();
    }

    /** @return where the current block's bytes start in {@link #blockBytes} */
    int blockOffset() {
        return block.arrayOffset() + block.position();
    }

    /** @return the length of the current block's bytes */
    int blockLength() {
        return block.remaining();
    }

    /** @return the rows in the current block */
    long blockRows() {
        return blockRows;
    }

    /**
     * An error for a corrupt block, naming the file, the block and the byte offset.
     *
     * @param cause what went wrong
     * @return the exception to throw
     */
    InputDataException corrupt(Exception cause) {
        return new InputDataException(dataset + " file " + relativePath + " is corrupt or truncated at block "
                + blockIndex + " (after " + rowsBefore + " rows, near byte offset " + counting.count + "): "
                + describe(cause) + ". Replace the file, or read with skipBadFiles to leave it out", cause);
    }

    /**
     * The lineage of a file read to its end ({@link #nextBlock} returned false).
     *
     * @param rows the rows read
     * @return the input file
     */
    InputFile finish(long rows) {
        String sha = HexFormat.of().formatHex(digest.digest()).toLowerCase(Locale.ROOT);
        // lineage names the file below the datasets folder, as invoice-json.md shows: Aura_Audit/DAY_DT=…/part-0.avro
        return new InputFile(dataset, version(), dataset + "/" + relativePath, sha, rows);
    }

    @Override
    public void close() {
        closeQuietly(stream);
        closeQuietly(counting);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // nothing left to do with a file being abandoned
        }
    }

    /** Counts the bytes read through it. */
    private static final class CountingStream extends FilterInputStream {
        long count;
        java.io.ByteArrayOutputStream capture;
        private final byte[] tail = new byte[16];
        private int tailPos;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
                remember(new byte[]{(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                remember(b, off, n);
            }
            return n;
        }

        private void remember(byte[] b, int off, int n) {
            if (capture != null) {
                capture.write(b, off, n);
            }
            for (int i = Math.max(off, off + n - 16); i < off + n; i++) {
                tail[tailPos] = b[i];
                tailPos = (tailPos + 1) & 15;
            }
        }

        /** @return the last 16 bytes read, oldest first */
        byte[] tail() {
            byte[] last = new byte[16];
            for (int i = 0; i < 16; i++) {
                last[i] = tail[(tailPos + i) & 15];
            }
            return last;
        }

        @Override
        public long skip(long n) throws IOException {
            // skipping would bypass the digest: read instead
            byte[] buffer = new byte[(int) Math.min(n, 8192)];
            int r = read(buffer, 0, buffer.length);
            return Math.max(r, 0);
        }
    }
}
