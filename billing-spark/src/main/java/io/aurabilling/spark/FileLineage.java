package io.aurabilling.spark;

import io.aurabilling.InputDataException;
import io.aurabilling.usage.InputFile;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Lineage of input files, computed on the driver as the embedded reader does: the SHA-256 of the
 * file's bytes, its row count (from the Avro block headers, without decoding rows) and its version
 * (the writer schema's {@code x-fp-version}, else a {@code version=N}/{@code vN} folder right below the
 * dataset root, else {@code unknown}).
 */
final class FileLineage {
    private FileLineage() {
    }

    /** One file to describe: its URI and its path relative to the dataset root. */
    record Entry(String uri, String relativePath) {
    }

    /** What was learnt of a file; {@code rows} is -1 when it is not an Avro file. */
    record Facts(String sha256, long rows, String schemaVersion) {
    }

    static List<InputFile> describe(Configuration conf, String dataset, List<Entry> files, int threads) {
        List<InputFile> result = new ArrayList<>(files.size());
        if (files.isEmpty()) {
            return result;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, files.size()), r -> {
            Thread t = new Thread(r, "aura-lineage");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Facts>> futures = new ArrayList<>();
            for (Entry e : files) {
                futures.add(pool.submit(() -> facts(conf, dataset, e)));
            }
            for (int i = 0; i < files.size(); i++) {
                Facts f = futures.get(i).get();
                Entry e = files.get(i);
                result.add(new InputFile(dataset, version(f.schemaVersion(), e.relativePath()),
                        dataset + "/" + e.relativePath(), f.sha256(), f.rows()));
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("computing lineage of " + dataset + " was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("computing lineage of " + dataset + " failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static Facts facts(Configuration conf, String dataset, Entry file) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
        try (InputStream raw = HadoopFiles.open(conf, file.uri());
             DigestInputStream in = new DigestInputStream(raw, digest)) {
            long rows = -1;
            String version = null;
            byte[] magic = in.readNBytes(4);
            boolean avro = magic.length == 4 && magic[0] == 'O' && magic[1] == 'b' && magic[2] == 'j' && magic[3] == 1;
            if (avro) {
                // the magic went through the digest already; give it back to Avro's reader without hashing it twice
                // (SequenceInputStream closes streams it exhausts: shield the digest stream from that)
                InputStream shielded = new java.io.FilterInputStream(in) {
                    @Override
                    public void close() {
                        // closed by the try-with-resources above, after the rest is hashed
                    }
                };
                InputStream replay = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(magic), shielded);
                // not closed here: closing it would close the digest stream before the rest is hashed
                DataFileStream<GenericRecord> stream = new DataFileStream<>(replay, new GenericDatumReader<>());
                version = stream.getSchema().getProp("x-fp-version");
                rows = 0;
                while (stream.hasNext()) {
                    rows += stream.getBlockCount();
                    stream.nextBlock();
                }
            }
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // the rest of the file goes through the digest
            }
            return new Facts(HexFormat.of().formatHex(digest.digest()).toLowerCase(Locale.ROOT), rows, version);
        } catch (IOException | RuntimeException e) {
            throw new InputDataException(dataset + " file " + file.relativePath() + " (" + file.uri()
                    + ") cannot be read for lineage: " + e.getMessage()
                    + "; check that it is a complete Avro file the cluster can read", e);
        }
    }

    /** The embedded reader's version rule ({@link io.aurabilling.dataset.AuraSchemas#lineageVersion}). */
    static String version(String schemaVersion, String relativePath) {
        return io.aurabilling.dataset.AuraSchemas.lineageVersion(schemaVersion, relativePath);
    }
}
