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
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The embedded invoice store: a local folder. Object {@code a/b/c.json} is the file
 * {@code <root>/a/b/c.json} and nothing else: its media type and metadata are extended
 * attributes of the file ({@code user.aura.object}, JSON), so a period folder holds exactly
 * the files of storage.md's layout.
 *
 * <p>Creation is atomic and never replaces: the content is first written (and forced to
 * disk) to a hidden temp file in the target's folder and given its attributes; it is then
 * published under its name with a hard link, which the file system creates only if the name
 * is free ({@code link(2)}: of two racing creators exactly one succeeds, a crash leaves at
 * most a hidden temp file, never a complete-looking partial file), and which carries the
 * attributes with it (one inode): a published file always has its metadata. Where hard links
 * are not supported the publish falls back to {@link Files#move} without {@code REPLACE_EXISTING}
 * (see {@link #publishWithoutLinks}).
 *
 * <p>On a file system without user extended attributes the metadata goes to a sidecar
 * {@code <file>.meta.json} published right after the content (as the first versions of this
 * store always did; such sidecars are still read). A file whose metadata is missing (copied
 * without its attributes, or a crash between content and sidecar) is read without metadata:
 * no {@code sha256} is made up from the bytes, since a download must check them against what
 * was recorded when they were stored, and there is no record left.
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
    /** The extended attribute holding an object's media type and metadata (the sidecar's JSON). */
    static final String ATTRIBUTE = "aura.object";

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
            byte[] described = JSON.writeValueAsBytes(sidecar);
            if (!writeAttribute(data, described)) {
                meta = writeTemp(dir, target.getFileName() + SIDECAR_SUFFIX, described);
            }
            if (!publish(data, target)) {
                return CreateOutcome.ALREADY_EXISTS;
            }
            if (meta != null) {
                // only the creator of the content publishes its sidecar, so this cannot clash
                publish(meta, sidecarOf(target));
            }
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
            Map<String, Object> sidecar = readDescription(target);
            String mediaType = sidecar == null ? null : (String) sidecar.get("mediaType");
            Map<String, String> metadata = sidecar == null ? Map.of() : metadataOf(sidecar);
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
        try {
            Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
                @Override
                public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attributes)
                        throws IOException {
                    String fileName = file.getFileName().toString();
                    if (!attributes.isRegularFile() || fileName.startsWith(".") || fileName.endsWith(SIDECAR_SUFFIX)) {
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                    String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                    if (name.startsWith(prefix)) {
                        Map<String, Object> sidecar = readDescription(file);
                        objects.add(new StoredObjectInfo(name, attributes.size(),
                                sidecar == null ? Map.of() : metadataOf(sidecar)));
                    }
                    return java.nio.file.FileVisitResult.CONTINUE;
                }

                @Override
                public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        // a writer's hidden temp file, gone between the directory read and its attributes
                        return java.nio.file.FileVisitResult.CONTINUE;
                    }
                    throw e;
                }
            });
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

    /** The object's description: its extended attribute, else its sidecar, else {@code null}. */
    private static Map<String, Object> readDescription(Path target) throws IOException {
        byte[] attribute = readAttribute(target);
        if (attribute != null) {
            return JSON.readValue(attribute, SIDECAR_TYPE);
        }
        try {
            return JSON.readValue(Files.readAllBytes(sidecarOf(target)), SIDECAR_TYPE);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** @return false when the file system keeps no user extended attributes (the caller writes a sidecar) */
    private static boolean writeAttribute(Path file, byte[] value) {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        if (view == null) {
            return false;
        }
        try {
            view.write(ATTRIBUTE, ByteBuffer.wrap(value));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** @return the attribute's bytes, or {@code null} when the file has none (or attributes are unsupported) */
    private static byte[] readAttribute(Path file) throws IOException {
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        if (view == null) {
            return null;
        }
        try {
            if (!view.list().contains(ATTRIBUTE)) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.allocate(view.size(ATTRIBUTE));
            view.read(ATTRIBUTE, buffer);
            return buffer.array();
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException | UnsupportedOperationException e) {
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
            return publishWithoutLinks(temp, target);
        }
    }

    /**
     * The publish where hard links are not supported (e.g. some network shares): a move without
     * {@code REPLACE_EXISTING}, which never replaces a file that exists when it checks, but checks
     * then renames (two writers racing for one name in that instant could both succeed). Taking
     * the name first with an empty exclusive create would close that window but open a worse one:
     * a crash before the rename would leave an empty file that looks like a complete revision.
     *
     * @return false when the name was taken
     */
    static boolean publishWithoutLinks(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target);
            return true;
        } catch (FileAlreadyExistsException taken) {
            return false;
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
}
