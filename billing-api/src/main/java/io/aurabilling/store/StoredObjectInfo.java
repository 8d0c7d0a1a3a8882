package io.aurabilling.store;

import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * An object as listed: its name, size and metadata.
 *
 * @param name the relative object name
 * @param size the content length in bytes
 * @param metadata the stored metadata, sorted by key (empty when the store has none)
 */
public record StoredObjectInfo(String name, long size, Map<String, String> metadata) {
    /** Validates and copies the components. */
    public StoredObjectInfo {
        requireNonNull(name, "name is null");
        metadata = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(metadata, "metadata is null")));
    }
}
