package io.aurabilling.dataset.synthetic;

import static java.util.Objects.requireNonNull;

/**
 * One file the generator wrote.
 *
 * @param relativePath path below the output folder, with {@code /} separators, e.g.
 *                     {@code Aura_Audit/DAY_DT=2026-10-01/part-00000.avro}
 * @param rows the number of records in it
 */
public record GeneratedFile(String relativePath, long rows) {
    /** Validates the components. */
    public GeneratedFile {
        requireNonNull(relativePath, "relativePath is null");
    }
}
