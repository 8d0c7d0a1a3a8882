package io.aurabilling.kernel;

import io.aurabilling.RemoteServiceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static java.util.Objects.requireNonNull;

/**
 * The local cache of downloaded Kernel files ({@code kernel.cache}), laid out like a local dataset
 * folder with the version as the first level: {@code <cache>/<Dataset>/v<version>/<path>}, e.g.
 * {@code .aura-billing/cache/Aura_Audit/v6/DAY_DT=2026-10-01/part-0.avro}.
 *
 * <p>A file only gets its final name once its size and SHA-256 match Kernel's listing: bytes arrive
 * in {@code <name>.part} (kept between runs so that a later run resumes it with {@code Range}) and are
 * then renamed atomically. So a crash or a failed run never leaves a file under its final name that
 * is incomplete or wrong, and a {@code .part} file never ends in {@code .avro}. A cached file with the
 * right hash is reused without any download.
 *
 * <p>Runs may share a cache folder: a file is fetched under a lock on {@code <name>.lock} (a file
 * lock for other processes, and an in-process lock for other threads and caches on the same
 * folder), so one run downloads it while another waits and then reuses it. Lock files stay (removing
 * them would race with a waiting run); they never end in {@code .avro}.
 */
public final class KernelCache {
    private static final Logger LOG = LoggerFactory.getLogger(KernelCache.class);
    /** The suffix of a file still being downloaded. */
    public static final String PARTIAL_SUFFIX = ".part";
    /** The suffix of the lock file of a cached file. */
    public static final String LOCK_SUFFIX = ".lock";
    // file locks belong to the JVM, not to a thread: threads (and caches on the same folder) also take
    // one of these, striped by path (bounded memory; two files rarely share a stripe)
    private static final java.util.concurrent.locks.ReentrantLock[] IN_PROCESS = new java.util.concurrent.locks.ReentrantLock[256];

    static {
        for (int i = 0; i < IN_PROCESS.length; i++) {
            IN_PROCESS[i] = new java.util.concurrent.locks.ReentrantLock();
        }
    }

    private final Path root;

    private KernelCache(Path root) {
        this.root = root;
    }

    /**
     * A cache in a folder (created on the first download).
     *
     * @param root the cache folder
     * @return the cache
     */
    public static KernelCache of(Path root) {
        return new KernelCache(requireNonNull(root, "root is null").toAbsolutePath().normalize());
    }

    /** @return the cache folder */
    public Path root() {
        return root;
    }

    /**
     * Where a listed file is kept.
     *
     * @param file the file
     * @return {@code <cache>/<Dataset>/v<version>/<path>}
     */
    public Path pathOf(KernelFile file) {
        requireNonNull(file, "file is null");
        Path target = root.resolve(file.dataset()).resolve("v" + file.version()).resolve(file.path()).normalize();
        if (!target.startsWith(root.resolve(file.dataset()))) {
            throw new RemoteServiceException("Kernel listed a path outside its dataset: " + file.lineageName()
                    + "; report it to the Kernel Team");
        }
        return target;
    }

    /**
     * The cached copy of a file, downloading (or resuming) it first when it is absent or wrong.
     *
     * @param client the Kernel client
     * @param file the listed file
     * @return the verified local file
     * @throws RemoteServiceException when it cannot be downloaded correctly (nothing is left under its final name)
     */
    public Path fetch(KernelClient client, KernelFile file) {
        requireNonNull(client, "client is null");
        Path target = pathOf(file);
        Path partial = target.resolveSibling(target.getFileName() + PARTIAL_SUFFIX);
        Path lockFile = target.resolveSibling(target.getFileName() + LOCK_SUFFIX);
        java.util.concurrent.locks.ReentrantLock threads = IN_PROCESS[Math.floorMod(lockFile.hashCode(), IN_PROCESS.length)];
        threads.lock();
        try {
            Files.createDirectories(target.getParent());
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
                 java.nio.channels.FileLock ignored = channel.lock()) {
                return fetchLocked(client, file, target, partial);
            }
        } catch (IOException e) {
            throw new RemoteServiceException("cannot write " + file.lineageName() + " v" + file.version()
                    + " into the Kernel cache " + root + ": " + e.getMessage()
                    + "; check that kernel.cache is a writable folder with free space", e);
        } finally {
            threads.unlock();
        }
    }

    /** {@link #fetch} with the file's lock held (its folder exists): another run may have fetched it meanwhile. */
    private static Path fetchLocked(KernelClient client, KernelFile file, Path target, Path partial) throws IOException {
        if (Files.isRegularFile(target)) {
            if (Files.size(target) == file.size() && KernelClient.sha256(target).equals(file.sha256())) {
                LOG.debug("reusing cached {} v{}", file.lineageName(), file.version());
                return target;
            }
            LOG.info("cached {} v{} does not match Kernel's listing; downloading it again",
                    file.lineageName(), file.version());
            Files.delete(target);
        }
        client.download(file, partial);
        moveAtomically(partial, target);
        LOG.debug("downloaded {} v{} ({} bytes)", file.lineageName(), file.version(), file.size());
        return target;
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // same folder, so this only happens on unusual file systems
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public String toString() {
        return "KernelCache[" + root + "]";
    }
}
