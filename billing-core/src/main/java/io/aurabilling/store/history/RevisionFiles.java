package io.aurabilling.store.history;

import io.aurabilling.store.StoredObject;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The files of one revision, read from the store with their SHA-256 checked.
 *
 * @param entry the revision in the history
 * @param files the stored objects (XLSX and JSON), sorted by name
 */
public record RevisionFiles(HistoryEntry entry, List<StoredObject> files) {
    /** Validates and copies the components. */
    public RevisionFiles {
        requireNonNull(entry, "entry is null");
        files = List.copyOf(files);
    }
}
