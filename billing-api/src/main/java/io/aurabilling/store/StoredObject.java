package io.aurabilling.store;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * An object as read: its name, content, media type and metadata. The content is copied
 * in and out, so the record stays immutable.
 *
 * @param name the relative object name
 * @param bytes the content
 * @param mediaType the stored content type, or {@code null} when the store has none
 * @param metadata the stored metadata, sorted by key (empty when the store has none)
 */
public record StoredObject(String name, byte[] bytes, String mediaType, Map<String, String> metadata) {
    /** Validates and copies the components. */
    public StoredObject {
        requireNonNull(name, "name is null");
        bytes = requireNonNull(bytes, "bytes is null").clone();
        metadata = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(metadata, "metadata is null")));
    }

    /** @return a copy of the content */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredObject other && name.equals(other.name) && Arrays.equals(bytes, other.bytes)
                && java.util.Objects.equals(mediaType, other.mediaType) && metadata.equals(other.metadata);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, Arrays.hashCode(bytes), mediaType, metadata);
    }

    @Override
    public String toString() {
        return "StoredObject[name=" + name + ", " + bytes.length + " bytes, mediaType=" + mediaType
                + ", metadata=" + metadata + "]";
    }
}
