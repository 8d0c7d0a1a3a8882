package io.aurabilling.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Where Aura datasets come from: a local folder ({@link LocalDatasetFolder}), Kernel, Azure…
 * A source lists the Avro files of a dataset by path relative to the dataset root and opens them.
 */
public interface DatasetSource {

    /**
     * Whether the dataset exists at all (its folder is there, even if empty).
     *
     * @param dataset the dataset name, e.g. {@code Aura_Audit}
     * @return true when present
     */
    boolean exists(String dataset);

    /**
     * The Avro files of a dataset.
     *
     * @param dataset the dataset name
     * @return its files sorted by relative path ({@link String#compareTo}); empty when the dataset is absent
     * @throws io.aurabilling.InputDataException when the dataset cannot be listed
     */
    List<DatasetFile> files(String dataset);

    /** @return a short description for messages, e.g. the folder; never a secret */
    String describe();

    /**
     * One file of a dataset.
     *
     * @param relativePath the path relative to the dataset root, {@code /}-separated, e.g. {@code DAY_DT=2026-10-01/part-0.avro}
     * @param opener opens the file's bytes
     * @param version the dataset version the source knows for this file (Kernel's dataset version, e.g.
     *                {@code 6}), recorded in lineage ahead of the schema's {@code x-fp-version}; {@code null}
     *                when the source does not know it
     */
    record DatasetFile(String relativePath, Opener opener, String version) {
        /** Validates the components. */
        public DatasetFile {
            requireNonNull(relativePath, "relativePath is null");
            requireNonNull(opener, "opener is null");
        }

        /**
         * A file whose version the source does not know (lineage takes it from the file).
         *
         * @param relativePath the path relative to the dataset root
         * @param opener opens the file's bytes
         */
        public DatasetFile(String relativePath, Opener opener) {
            this(relativePath, opener, null);
        }

        /**
         * Opens the file.
         *
         * @return a fresh stream over its bytes
         * @throws IOException when it cannot be opened
         */
        public InputStream open() throws IOException {
            return opener.open();
        }
    }

    /** Opens a file's bytes. */
    @FunctionalInterface
    interface Opener {
        /**
         * @return a fresh stream over the file's bytes, to be closed by the caller
         * @throws IOException when it cannot be opened
         */
        InputStream open() throws IOException;
    }
}
