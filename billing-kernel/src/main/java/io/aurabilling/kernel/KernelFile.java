package io.aurabilling.kernel;

import java.time.LocalDate;

import static java.util.Objects.requireNonNull;

/**
 * One file of a dataset version, as listed by Kernel.
 *
 * @param dataset the dataset, e.g. {@code Aura_Audit}
 * @param version the dataset version
 * @param path the path relative to the dataset root, e.g. {@code DAY_DT=2026-10-01/part-0.avro}
 * @param day the partition day, or {@code null} (dimensions)
 * @param size the size in bytes
 * @param sha256 the lower-case hex SHA-256 of its bytes
 * @param href where to download it, relative to the API base or absolute
 */
public record KernelFile(String dataset, long version, String path, LocalDate day, long size, String sha256,
                         String href) {

    /** Validates the components. */
    public KernelFile {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(path, "path is null");
        requireNonNull(sha256, "sha256 is null");
        requireNonNull(href, "href is null");
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size + " for " + dataset + "/" + path);
        }
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || ("/" + path + "/").contains("/../")) {
            throw new IllegalArgumentException("Kernel listed an unsafe file path for " + dataset + ": '" + path
                    + "'; paths must be relative to the dataset root");
        }
    }

    /** @return {@code <dataset>/<path>}, the lineage name */
    public String lineageName() {
        return dataset + "/" + path;
    }
}
