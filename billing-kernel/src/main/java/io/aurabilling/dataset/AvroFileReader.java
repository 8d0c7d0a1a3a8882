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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.Inflater;

/**
 * One Avro data file read block by block, with its SHA-256 computed from the same bytes (no
 * second pass) and the position kept for error messages. Not thread-safe.
 *
 * <p>Files with the {@code null}, {@code deflate} or {@code zstandard} codec (all that Aura writes)
 * are read without Avro's {@code DataFileStream}: the header is parsed by Avro (from its bytes), and
 * each block (count, size, bytes, 16-byte sync) is read into a reused array and decompressed into
 * another, so a block allocates nothing. Other codecs go through {@code DataFileStream}.
 */
final class AvroFileReader implements Closeable {
    // the advice that ends every message about an unreadable file
    private static final String REPLACE_BAD_FILE =
            "Replace or remove the file (in code, ReadOptions.withSkipBadFiles(true) leaves such files out)";
    private static final int BUFFER = 64 * 1024;
    private static final int NONE = 0;
    private static final int DEFLATE = 1;
    private static final int ZSTD = 2;

    private final String dataset;
    private final String relativePath;
    private final String sourceVersion;
    private final MessageDigest digest;
    private final Schema schema;
    private final byte[] sync;
    // DataFileStream path (other codecs): null on the own path
    private final CountingStream counting;
    private final DataFileStream<Object> stream;
    private ByteBuffer block;
    // own path: the raw file through a buffer (digested as read), block and output arrays reused
    private final InputStream raw;
    private final int codec;
    private byte[] in;
    private int inPos;
    private int inLimit;
    private long inStart;
    private final Buffers buffers;
    private final boolean ownsBuffers;
    private byte[] blockArray;
    private int blockLength;

    private BinaryDecoder decoder;
    private long blockRows;
    private int blockIndex = -1;
    private long rowsBefore;

    private AvroFileReader(String dataset, DatasetSource.DatasetFile file, MessageDigest digest, Schema schema,
                           byte[] sync, CountingStream counting, DataFileStream<Object> stream, InputStream raw,
                           int codec, byte[] in, int inPos, int inLimit, Buffers buffers, boolean ownsBuffers) {
        this.dataset = dataset;
        this.relativePath = file.relativePath();
        this.sourceVersion = file.version();
        this.digest = digest;
        this.schema = schema;
        this.sync = sync;
        this.counting = counting;
        this.stream = stream;
        this.raw = raw;
        this.codec = codec;
        this.in = in;
        this.inPos = inPos;
        this.inLimit = inLimit;
        this.buffers = buffers;
        this.ownsBuffers = ownsBuffers;
    }

    /**
     * The arrays and decompressors of block reading, reused by one thread across files so that a
     * read of many files does not allocate (and garbage-collect) megabyte arrays per file. Not
     * thread-safe; close it when the thread is done.
     */
    static final class Buffers implements AutoCloseable {
        private byte[] compressed = new byte[0];
        private byte[] out = new byte[0];
        private Inflater inflater;
        private com.github.luben.zstd.ZstdDecompressCtx zstd;

        private Inflater inflater() {
            if (inflater == null) {
                inflater = new Inflater(true);
            }
            return inflater;
        }

        private com.github.luben.zstd.ZstdDecompressCtx zstd() {
            if (zstd == null) {
                zstd = new com.github.luben.zstd.ZstdDecompressCtx();
            }
            return zstd;
        }

        @Override
        public void close() {
            if (inflater != null) {
                inflater.end();
                inflater = null;
            }
            if (zstd != null) {
                zstd.close();
                zstd = null;
            }
        }
    }

    /**
     * Opens a file and reads its header.
     *
     * @throws InputDataException when it cannot be opened or is not an Avro data file
     */
    static AvroFileReader open(String dataset, DatasetSource.DatasetFile file) {
        return open(dataset, file, null);
    }

    /**
     * Opens a file and reads its header, reading blocks into the given buffers.
     *
     * @param buffers buffers reused across files by the calling thread, or {@code null} for the reader's own
     * @throws InputDataException when it cannot be opened or is not an Avro data file
     */
    static AvroFileReader open(String dataset, DatasetSource.DatasetFile file, Buffers buffers) {
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
        // the header's bytes (and what was read past them) are kept: Avro parses the header from them
        HeadCursor head = new HeadCursor(raw);
        int headerLength;
        String codecName;
        Schema schema;
        try {
            headerLength = head.header();
            DataFileStream<Object> header = new DataFileStream<>(
                    new java.io.ByteArrayInputStream(head.b, 0, headerLength), new GenericDatumReader<>());
            schema = header.getSchema();
            codecName = header.getMetaString("avro.codec");
        } catch (IOException | RuntimeException e) {
            closeQuietly(raw);
            throw new InputDataException(dataset + " file " + file.relativePath()
                    + " is not a readable Avro data file (bad or missing header, byte offset " + head.pos
                    + "): " + describe(e) + ". " + REPLACE_BAD_FILE, e);
        }
        byte[] sync = Arrays.copyOfRange(head.b, headerLength - 16, headerLength);
        int codec = codecName == null || codecName.equals("null") ? NONE
                : codecName.equals("deflate") ? DEFLATE : codecName.equals("zstandard") ? ZSTD : -1;
        if (codec >= 0) {
            digest.update(head.b, 0, head.limit);
            return new AvroFileReader(dataset, file, digest, schema, sync, null, null, raw, codec, head.b,
                    headerLength, head.limit, buffers != null ? buffers : new Buffers(), buffers == null);
        }
        InputStream again = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head.b, 0, head.limit), raw);
        CountingStream counting = new CountingStream(new DigestInputStream(again, digest));
        try {
            DataFileStream<Object> stream = new DataFileStream<>(counting, new GenericDatumReader<>());
            return new AvroFileReader(dataset, file, digest, schema, sync, counting, stream, null, -1, null, 0, 0,
                    null, false);
        } catch (IOException | RuntimeException e) {
            closeQuietly(counting);
            throw new InputDataException(dataset + " file " + file.relativePath()
                    + " is not a readable Avro data file (bad or missing header, byte offset " + counting.count
                    + "): " + describe(e) + ". " + REPLACE_BAD_FILE, e);
        }
    }

    /** Reads the header (magic, metadata map, sync) from the start of a file, keeping its bytes. */
    private static final class HeadCursor {
        private static final int MAX_HEADER = 64 << 20;
        private final InputStream raw;
        byte[] b = new byte[BUFFER];
        int limit;
        int pos;

        HeadCursor(InputStream raw) {
            this.raw = raw;
        }

        /** @return the header's length; the bytes read are {@code b[0, limit)} */
        int header() throws IOException {
            if (next() != 'O' || next() != 'b' || next() != 'j' || next() != 1) {
                throw new IOException("Not an Avro data file (no Obj1 magic)");
            }
            while (true) {
                long count = varLong();
                if (count == 0) {
                    break;
                }
                if (count < 0) {
                    count = -count;
                    varLong();
                }
                for (long i = 0; i < 2 * count; i++) {
                    long length = varLong();
                    if (length < 0 || length > MAX_HEADER) {
                        throw new IOException("bad metadata length " + length);
                    }
                    skip((int) length);
                }
            }
            skip(16);
            return pos;
        }

        private int next() throws IOException {
            if (pos == limit && !fill()) {
                throw new java.io.EOFException("the file ends inside its header");
            }
            return b[pos++] & 0xFF;
        }

        private void skip(int n) throws IOException {
            while (limit - pos < n) {
                if (!fill()) {
                    throw new java.io.EOFException("the file ends inside its header");
                }
            }
            pos += n;
        }

        private boolean fill() throws IOException {
            if (limit == b.length) {
                if (b.length >= MAX_HEADER) {
                    throw new IOException("header larger than " + MAX_HEADER + " bytes");
                }
                b = Arrays.copyOf(b, b.length * 2);
            }
            int n = raw.read(b, limit, b.length - limit);
            if (n < 0) {
                return false;
            }
            limit += n;
            return true;
        }

        private long varLong() throws IOException {
            return zigZagVarLong(this::next, "the header");
        }
    }

    /** The bytes a varint is read from, one at a time (an end-of-file error says where). */
    private interface ByteSource {
        int next() throws IOException;
    }

    /** An Avro {@code long}: a zig-zag varint. */
    private static long zigZagVarLong(ByteSource in, String where) throws IOException {
        long value = 0;
        int shift = 0;
        int x;
        do {
            if (shift > 63) {
                throw new IOException("bad varint in " + where);
            }
            x = in.next();
            value |= (long) (x & 0x7F) << shift;
            shift += 7;
        } while ((x & 0x80) != 0);
        return (value >>> 1) ^ -(value & 1);
    }

    /** @return the writer schema from the file's header */
    Schema writerSchema() {
        return schema;
    }

    /**
     * The dataset version: the one the source knows (Kernel's dataset version), else the writer schema's
     * {@code x-fp-version} ({@link AuraSchemas#datasetVersion}: {@code 6.0.0} → {@code 6}), else a version
     * folder, else {@code unknown}.
     *
     * @return the version
     */
    String version() {
        if (sourceVersion != null && !sourceVersion.isBlank()) {
            return sourceVersion;
        }
        return AuraSchemas.lineageVersion(writerSchema().getProp("x-fp-version"), relativePath);
    }

    /**
     * Moves to the next block.
     *
     * @return false at the end of the file
     * @throws InputDataException when the block is corrupt or truncated
     */
    boolean nextBlock() {
        rowsBefore += Math.max(blockRows, 0);
        if (stream == null) {
            return nextOwnBlock();
        }
        // the block being read, in messages: Avro reads its header in hasNext(), its data in nextBlock()
        blockIndex++;
        try {
            if (!stream.hasNext()) {
                blockRows = 0;
                checkComplete();
                return false;
            }
            blockRows = stream.getBlockCount();
            block = stream.nextBlock();
            decoder = null;
            return true;
        } catch (IOException | RuntimeException e) {
            throw corrupt(e);
        }
    }

    private boolean nextOwnBlock() {
        try {
            if (inPos == inLimit && !fill()) {
                // a clean end: the last block's sync (or the header's) was read whole
                blockRows = 0;
                return false;
            }
            blockIndex++;
            long count = varLong();
            long size = varLong();
            if (count < 0 || size < 0 || size > Integer.MAX_VALUE - 16) {
                throw new IOException("bad block header (" + count + " rows, " + size + " bytes)");
            }
            int length = (int) size;
            if (buffers.compressed.length < length) {
                buffers.compressed = new byte[Math.max(length, buffers.compressed.length * 2)];
            }
            readFully(buffers.compressed, length);
            for (int i = 0; i < 16; i++) {
                if ((byte) nextBlockHeaderByte() != sync[i]) {
                    throw new IOException("Invalid sync! (the block's sync marker differs from the header's)");
                }
            }
            decompress(length);
            blockRows = count;
            decoder = null;
            return true;
        } catch (IOException | RuntimeException | java.util.zip.DataFormatException e) {
            blockIndex = Math.max(blockIndex, 0);
            throw corrupt(e);
        }
    }

    private void decompress(int length) throws java.util.zip.DataFormatException {
        byte[] compressed = buffers.compressed;
        if (codec == NONE) {
            blockArray = compressed;
            blockLength = length;
            return;
        }
        byte[] out = buffers.out;
        if (out.length == 0) {
            out = new byte[Math.max(BUFFER, length * 4)];
        }
        try {
            if (codec == DEFLATE) {
                Inflater inflater = buffers.inflater();
                inflater.reset();
                inflater.setInput(compressed, 0, length);
                int n = 0;
                while (!inflater.finished()) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    int got = inflater.inflate(out, n, out.length - n);
                    n += got;
                    if (got == 0 && n < out.length && (inflater.needsInput() || inflater.needsDictionary())) {
                        throw new java.util.zip.DataFormatException("the block's deflate data ends early");
                    }
                }
                blockLength = n;
            } else {
                while (true) {
                    try {
                        blockLength = buffers.zstd().decompressByteArray(out, 0, out.length, compressed, 0, length);
                        break;
                    } catch (com.github.luben.zstd.ZstdException e) {
                        if (e.getErrorCode() != com.github.luben.zstd.Zstd.errDstSizeTooSmall()
                                || out.length >= 1 << 30) {
                            throw e;
                        }
                        out = new byte[out.length * 2];
                    }
                }
            }
        } finally {
            // a grown array is kept for the next block and file
            buffers.out = out;
        }
        blockArray = out;
    }

    private boolean fill() throws IOException {
        inStart += inLimit;
        inPos = 0;
        inLimit = 0;
        int n = raw.read(in, 0, in.length);
        if (n < 0) {
            return false;
        }
        digest.update(in, 0, n);
        inLimit = n;
        return true;
    }

    private void readFully(byte[] to, int length) throws IOException {
        int have = Math.min(length, inLimit - inPos);
        System.arraycopy(in, inPos, to, 0, have);
        inPos += have;
        while (have < length) {
            if (length - have >= in.length) {
                // large blocks skip the buffer (digested here, counted as consumed)
                int n = raw.read(to, have, length - have);
                if (n < 0) {
                    throw new java.io.EOFException("the file ends inside a block (truncated)");
                }
                digest.update(to, have, n);
                inStart += n;
                have += n;
            } else {
                if (!fill()) {
                    throw new java.io.EOFException("the file ends inside a block (truncated)");
                }
                int k = Math.min(length - have, inLimit);
                System.arraycopy(in, 0, to, have, k);
                inPos = k;
                have += k;
            }
        }
    }

    private long varLong() throws IOException {
        return zigZagVarLong(this::nextBlockHeaderByte, "a block header");
    }

    /** The next byte of a block's count, size or sync marker. */
    private int nextBlockHeaderByte() throws IOException {
        if (inPos == inLimit && !fill()) {
            throw new java.io.EOFException("the file ends inside a block (truncated)");
        }
        return in[inPos++] & 0xFF;
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
            throw new java.io.EOFException("the file ends inside a block (truncated)");
        }
    }

    /** @return a decoder over the current block (made on first use; hand decoders use {@link #blockBytes}) */
    BinaryDecoder decoder() {
        if (decoder == null) {
            decoder = DecoderFactory.get().binaryDecoder(blockBytes(), blockOffset(), blockLength(), null);
        }
        return decoder;
    }

    /** @return the array holding the current block's decompressed bytes (from {@link #blockOffset}) */
    byte[] blockBytes() {
        return stream == null ? blockArray : block.array();
    }

    /** @return where the current block's bytes start in {@link #blockBytes} */
    int blockOffset() {
        return stream == null ? 0 : block.arrayOffset() + block.position();
    }

    /** @return the length of the current block's bytes */
    int blockLength() {
        return stream == null ? blockLength : block.remaining();
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
        // Avro's own reader reads ahead: its count of bytes consumed bounds the block's place, no more
        String where = stream == null ? "near byte offset " + position() : "within the first " + position() + " bytes";
        return new InputDataException(dataset + " file " + relativePath + " is corrupt or truncated at block "
                + blockIndex + " (after " + rowsBefore + " rows, " + where + "): "
                + describe(cause) + ". " + REPLACE_BAD_FILE, cause);
    }

    /**
     * Checks that the rows of the current block, read by hand, used up its bytes: bytes left after
     * its last row mean that its row count or its bytes are wrong (a corrupt block).
     *
     * @param end where the block's last row ended in {@link #blockBytes}
     * @throws InputDataException when bytes are left over
     */
    void endOfBlock(int end) {
        int left = blockOffset() + blockLength() - end;
        if (left != 0) {
            throw corrupt(new IllegalStateException(left + " bytes after the block's last row"));
        }
    }

    /**
     * {@link #endOfBlock(int)} for rows read through {@link #decoder()}.
     *
     * @param decoder the block's decoder, after its last row
     * @throws InputDataException when bytes are left over
     */
    void endOfBlock(BinaryDecoder decoder) {
        boolean end;
        try {
            end = decoder.isEnd();
        } catch (IOException e) {
            throw corrupt(e);
        }
        if (!end) {
            throw corrupt(new IllegalStateException("bytes after the block's last row"));
        }
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

    /** @return the bytes of the file consumed so far */
    private long position() {
        return stream == null ? inStart + inPos : counting.count;
    }

    @Override
    public void close() {
        if (stream != null) {
            closeQuietly(stream);
            closeQuietly(counting);
        } else {
            closeQuietly(raw);
            if (ownsBuffers) {
                buffers.close();
            }
        }
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
