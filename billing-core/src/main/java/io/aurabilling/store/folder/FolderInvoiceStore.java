package io.aurabilling.store.folder;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.aurabilling.store.CreateOutcome;
import io.aurabilling.store.InvoiceStore;
import io.aurabilling.store.StoredObject;
import io.aurabilling.store.StoredObjectInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The embedded invoice store: a local folder. Object {@code a/b/c.json} is the file
 * {@code <root>/a/b/c.json}; its media type and metadata live in the sidecar
 * {@code <root>/a/b/c.json.meta.json}.
 *
 * <p>Creation is atomic and never replaces: the content and the sidecar are first
 * written (and forced to disk) to hidden temp files in the target's folder; the content
 * is then published under its name with a hard link, which the file system creates only
 * if the name is free ({@code link(2)}: of two racing creators exactly one succeeds, a
 * crash leaves at most a hidden temp file, never a complete-looking partial file).
 * Where hard links are not supported the publish falls back to {@link Files#move} without
 * {@code REPLACE_EXISTING} (which still never replaces, but checks then renames). The
 * sidecar is published the same way right after the content; if a crash falls between
 * the two, {@link #read} derives the {@code sha256} metadata from the content.
 *
 * <p>Hidden names (starting with {@code .}) and sidecars are not objects and are never
 * listed.
 */
public final class FolderInvoiceStore implements InvoiceStore {
    /** Suffix of the metadata sidecar of every object. */
    public static final String SIDECAR_SUFFIX = ".meta.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final TypeReference<TreeMap<String, Object>> SIDECAR_TYPE = new TypeReference<>() {
    };

    private final Path root;

    /**
     * Opens (and lazily creates) a store in a folder.
     *
     * @param root the folder
     */
    public FolderInvoiceStore(Path root) {
        this.root = requireNonNull(root, "root is null").toAbsolutePath().normalize();
    }

    /** @return the store's root folder */
    public Path root() {
        return root;
    }

    @Override
    public String location() {
        return root.toString();
    }

    /**
     * The file of an object (which may not exist).
     *
     * @param name the relative object name
     * @return its path under the root
     */
    public Path path(String name) {
        return root.resolve(InvoiceStore.requireValidName(name));
    }

    @Override
    public CreateOutcome createIfAbsent(String name, byte[] bytes, String mediaType, Map<String, String> metadata) {
        requireNonNull(bytes, "bytes is null");
        requireNonNull(mediaType, "mediaType is null");
        requireNonNull(metadata, "metadata is null");
        Path target = path(name);
        if (Files.exists(target)) {
            return CreateOutcome.ALREADY_EXISTS;
        }
        Path dir = target.getParent();
        Path data = null;
        Path meta = null;
        try {
            Files.createDirectories(dir);
            data = writeTemp(dir, target.getFileName().toString(), bytes);
            Map<String, Object> sidecar = new TreeMap<>();
            sidecar.put("mediaType", mediaType);
            sidecar.put("metadata", new TreeMap<>(metadata));
            meta = writeTemp(dir, target.getFileName() + SIDECAR_SUFFIX, JSON.writeValueAsBytes(sidecar));
            if (!publish(data, target)) {
                return CreateOutcome.ALREADY_EXISTS;
            }
            // only the creator of the content publishes its sidecar, so this cannot clash
            publish(meta, sidecarOf(target));
            return CreateOutcome.CREATED;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + target + ": " + e.getMessage()
                    + "; check that the folder is writable and the disk not full", e);
        } finally {
            deleteQuietly(data);
            deleteQuietly(meta);
        }
    }

    @Override
    public Optional<StoredObject> read(String name) {
        Path target = path(name);
        try {
            byte[] bytes = Files.readAllBytes(target);
            Map<String, Object> sidecar = readSidecar(target);
            String mediaType = sidecar == null ? null : (String) sidecar.get("mediaType");
            Map<String, String> metadata = sidecar == null ? Map.of("sha256", sha256(bytes)) : metadataOf(sidecar);
            return Optional.of(new StoredObject(name, bytes, mediaType, metadata));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<StoredObjectInfo> list(String prefix) {
        requireNonNull(prefix, "prefix is null");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<StoredObjectInfo> objects = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String fileName = file.getFileName().toString();
                if (!Files.isRegularFile(file) || fileName.startsWith(".") || fileName.endsWith(SIDECAR_SUFFIX)) {
                    continue;
                }
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                if (!name.startsWith(prefix)) {
                    continue;
                }
                Map<String, Object> sidecar = readSidecar(file);
                objects.add(new StoredObjectInfo(name, Files.size(file), sidecar == null ? Map.of() : metadataOf(sidecar)));
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UncheckedIOException("cannot list the invoice store " + root + ": " + e.getMessage(),
                    e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
        objects.sort(java.util.Comparator.comparing(StoredObjectInfo::name));
        return List.copyOf(objects);
    }

    @Override
    public String toString() {
        return "FolderInvoiceStore[" + root + "]";
    }

    private static Path sidecarOf(Path target) {
        return target.resolveSibling(target.getFileName() + SIDECAR_SUFFIX);
    }

    private static Map<String, Object> readSidecar(Path target) throws IOException {
        try {
            return JSON.readValue(Files.readAllBytes(sidecarOf(target)), SIDECAR_TYPE);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static Map<String, String> metadataOf(Map<String, Object> sidecar) {
        Map<String, String> metadata = new TreeMap<>();
        if (sidecar.get("metadata") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> metadata.put(String.valueOf(k), String.valueOf(v)));
        }
        return metadata;
    }

    /** Writes a hidden temp file next to the target and forces it to disk. */
    private static Path writeTemp(Path dir, String fileName, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(dir, "." + fileName + ".", ".tmp");
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        }
        return temp;
    }

    /**
     * Gives a complete temp file its final name unless the name is taken.
     *
     * @return false when the name was taken
     */
    private static boolean publish(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof FileSystemException && Files.exists(target)) {
                return false;
            }
            // no hard links here (e.g. some network shares): a move without REPLACE_EXISTING
            try {
                Files.move(temp, target);
                return true;
            } catch (FileAlreadyExistsException taken) {
                return false;
            }
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a leftover hidden temp file is never listed or read
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
