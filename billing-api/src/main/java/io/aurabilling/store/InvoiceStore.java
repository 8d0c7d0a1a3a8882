package io.aurabilling.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A write-once object store: objects are created once and never replaced or deleted
 * through this interface. Invoice history ({@code storage.md}) is built on top of it, so
 * a new backend only has to get these four operations right.
 *
 * <p>Names are relative, {@code /}-separated and free of {@code .}/{@code ..} segments,
 * e.g. {@code ob=BRA/period=2026-10/LIC-BRA-202610-r1.xlsx}; the store applies its own
 * root folder or blob-name prefix. Implementations are thread-safe and may be used by
 * several processes at once: {@link #createIfAbsent} is the only synchronisation point.
 *
 * <p>Failures of a remote backend (after its retries) are reported as
 * {@link io.aurabilling.RemoteServiceException}; local I/O failures as
 * {@link java.io.UncheckedIOException}.
 */
public interface InvoiceStore {

    /**
     * Where the store is, for messages: a folder path or a container URL with its prefix.
     * Never contains a secret.
     *
     * @return the location
     */
    String location();

    /**
     * Creates an object if, and only if, no object of that name exists (atomically: of
     * two concurrent calls for one name, exactly one returns {@link CreateOutcome#CREATED}).
     * A failed call leaves no object that looks complete under {@code name}.
     *
     * @param name the relative object name
     * @param bytes the content
     * @param mediaType the content type, e.g. {@code application/json}
     * @param metadata small ASCII key/value pairs stored with the object (lower-case keys)
     * @return {@link CreateOutcome#CREATED} or {@link CreateOutcome#ALREADY_EXISTS}
     */
    CreateOutcome createIfAbsent(String name, byte[] bytes, String mediaType, Map<String, String> metadata);

    /**
     * Reads an object with its metadata.
     *
     * @param name the relative object name
     * @return the object, or empty when there is none of that name
     */
    Optional<StoredObject> read(String name);

    /**
     * Lists the objects whose name starts with a prefix.
     *
     * @param prefix a name prefix, e.g. {@code ob=BRA/}; empty for all
     * @return the objects, sorted by name
     */
    List<StoredObjectInfo> list(String prefix);

    /**
     * Checks an object name: relative, {@code /}-separated, no empty, {@code .} or
     * {@code ..} segment, no backslash or control character.
     *
     * @param name the name
     * @return the name
     * @throws IllegalArgumentException when the name is not valid
     */
    static String requireValidName(String name) {
        requireNonNull(name, "name is null");
        if (name.isEmpty() || name.startsWith("/") || name.endsWith("/") || name.contains("\\")) {
            throw new IllegalArgumentException("invalid object name '" + name + "': must be relative, like a/b/c.json");
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("invalid object name '" + name + "': empty, . or .. segment");
            }
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new IllegalArgumentException("invalid object name: contains a control character");
            }
        }
        return name;
    }
}
