package io.aurabilling.usage;

import java.util.Comparator;

import static java.util.Objects.requireNonNull;

/**
 * One input file of a run, for the invoice's lineage.
 *
 * @param dataset the dataset name, e.g. {@code Aura_Audit}
 * @param version the dataset version (from {@code x-fp-version}, Kernel or the folder)
 * @param file the path relative to the dataset root, with {@code /} separators; never absolute
 * @param sha256 the lower-case hex SHA-256 of the file's bytes
 * @param rows the number of rows in the file
 */
public record InputFile(String dataset, String version, String file, String sha256, long rows)
        implements Comparable<InputFile> {

    /** Lineage order: dataset, then file. */
    public static final Comparator<InputFile> ORDER =
            Comparator.comparing(InputFile::dataset).thenComparing(InputFile::file);

    /** Validates the components. */
    public InputFile {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(version, "version is null");
        requireNonNull(file, "file is null");
        requireNonNull(sha256, "sha256 is null");
        if (file.startsWith("/") || file.contains("\\") || (file.length() > 1 && file.charAt(1) == ':')) {
            throw new IllegalArgumentException("lineage paths are relative to the dataset root: " + file);
        }
    }

    @Override
    public int compareTo(InputFile other) {
        return ORDER.compare(this, other);
    }
}
