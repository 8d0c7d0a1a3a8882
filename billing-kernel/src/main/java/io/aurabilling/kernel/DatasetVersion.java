package io.aurabilling.kernel;

import static java.util.Objects.requireNonNull;

/**
 * One version of a Kernel dataset, as listed by {@code GET /datasets/v1/datasets/{dataset}/versions}.
 *
 * @param version the dataset version, e.g. {@code 6}
 * @param schemaVersion the schema version, e.g. {@code 6.0.0}, or {@code null}
 * @param status e.g. {@code PUBLISHED}
 * @param publishedAt the publication time as Kernel wrote it, or {@code null}
 */
public record DatasetVersion(long version, String schemaVersion, String status, String publishedAt) {

    /** The status of a version that may be read. */
    public static final String PUBLISHED = "PUBLISHED";

    /** Validates the components. */
    public DatasetVersion {
        requireNonNull(status, "status is null");
    }

    /** @return whether this version is {@code PUBLISHED} */
    public boolean published() {
        return PUBLISHED.equals(status);
    }
}
