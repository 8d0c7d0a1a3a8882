package io.aurabilling.dataset;

import static java.util.Objects.requireNonNull;

/**
 * A file left out of a read because it could not be read ({@link ReadOptions#skipBadFiles()}).
 *
 * @param dataset the dataset, e.g. {@code Aura_Audit}
 * @param relativePath the path relative to the dataset root
 * @param reason why it was skipped
 */
public record SkippedFile(String dataset, String relativePath, String reason) {
    /** Validates the components. */
    public SkippedFile {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(relativePath, "relativePath is null");
        requireNonNull(reason, "reason is null");
    }
}
