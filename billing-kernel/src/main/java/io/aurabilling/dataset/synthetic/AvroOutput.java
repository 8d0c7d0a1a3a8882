package io.aurabilling.dataset.synthetic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import org.apache.avro.Schema;
import org.apache.avro.file.CodecFactory;

/** The pieces every generated Avro file shares: writer schemas, codec, sync markers. */
final class AvroOutput {
    /** Where the shipped copies of {@code /work/shared/datasets/*.avsc} live on the classpath. */
    static final String SCHEMA_FOLDER = "/io/aurabilling/dataset/schema/";

    /** Deflate level: 1 is several times faster than zlib's default 6 on this text and decodes as fast. */
    static final int DEFLATE_LEVEL = 1;

    /** Zstandard level: Avro's default. */
    static final int ZSTD_LEVEL = 3;

    private AvroOutput() {
    }

    /**
     * Loads a shipped writer schema, with its custom properties ({@code x-fp-version}, ...).
     *
     * @param dataset the dataset name, e.g. {@code Aura_Audit}
     * @return the schema
     */
    static Schema schema(String dataset) {
        String resource = SCHEMA_FOLDER + dataset + ".avsc";
        try (InputStream in = AvroOutput.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + resource + " is missing from billing-kernel");
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema resource " + resource, e);
        }
    }

    /**
     * The Avro codec for an option value.
     *
     * @param codec the option
     * @return a fresh codec factory
     */
    static CodecFactory codec(GeneratorOptions.Codec codec) {
        switch (codec) {
            case DEFLATE:
                return CodecFactory.deflateCodec(DEFLATE_LEVEL);
            case ZSTD:
                return CodecFactory.zstandardCodec(ZSTD_LEVEL);
            case NULL:
                return CodecFactory.nullCodec();
            default:
                throw new IllegalArgumentException("unknown codec " + codec);
        }
    }

    /**
     * A 16-byte sync marker derived from the seed and the file's relative path. Avro
     * otherwise draws a random one per file, which would make equal options give
     * different bytes.
     *
     * @param seed the generator seed
     * @param relativePath the file's path below the dataset folder, with {@code /}
     * @return the marker
     */
    static byte[] syncMarker(long seed, String relativePath) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("aura-synthetic-sync\n" + seed + "\n" + relativePath).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(sha.digest(), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
