package io.aurabilling.invoice.xlsx;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static java.util.Objects.requireNonNull;

/**
 * Re-packs a zip (the XLSX POI wrote) so that its bytes depend on its contents only: entries in
 * a fixed order ({@code [Content_Types].xml}, then {@code _rels/.rels}, then by name), one fixed
 * modification time, no extra fields, default compression.
 */
final class DeterministicZip {
    /** Entries that readers expect first. */
    private static final List<String> FIRST = List.of("[Content_Types].xml", "_rels/.rels");

    /** Fixed order: the known first entries, then by name. */
    static final Comparator<String> ORDER = Comparator
            .comparingInt((String name) -> {
                int i = FIRST.indexOf(name);
                return i < 0 ? FIRST.size() : i;
            })
            .thenComparing(Comparator.naturalOrder());

    private DeterministicZip() {
    }

    /**
     * Copies every entry of a zip file to a stream, re-packed.
     *
     * @param source the zip file
     * @param entryTime the local date-time stamped on every entry (zone-free, so the JVM's
     *                  default time zone does not change the bytes)
     * @param out where to write; not closed
     * @throws IOException when reading or writing fails
     */
    static void repack(Path source, LocalDateTime entryTime, OutputStream out) throws IOException {
        requireNonNull(source, "source is null");
        requireNonNull(entryTime, "entryTime is null");
        requireNonNull(out, "out is null");
        try (ZipFile zip = new ZipFile(source.toFile())) {
            List<String> names = new ArrayList<>();
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!e.isDirectory()) {
                    names.add(e.getName());
                }
            }
            names.sort(ORDER);
            ZipOutputStream zos = new ZipOutputStream(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    // the caller owns the stream
                    out.flush();
                }
            });
            zos.setLevel(Deflater.DEFAULT_COMPRESSION);
            byte[] buffer = new byte[64 * 1024];
            for (String name : names) {
                ZipEntry entry = new ZipEntry(name);
                entry.setMethod(ZipEntry.DEFLATED);
                entry.setTimeLocal(entryTime);
                zos.putNextEntry(entry);
                try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        zos.write(buffer, 0, n);
                    }
                }
                zos.closeEntry();
            }
            zos.finish();
            zos.flush();
        }
    }
}
