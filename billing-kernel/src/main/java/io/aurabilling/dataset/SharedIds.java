package io.aurabilling.dataset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The id texts of one read (countries, components, apps, channels, services, presets) numbered
 * 0, 1, 2… across all its decoding threads, so that decoders hand cells to the sequencer as ints
 * rather than as keys of strings. A decoder asks once per text it first meets ({@link LocalIds}
 * numbers its own), so the lock is taken a few hundred times per read, not per row. The numbers
 * depend on thread timing; nothing built from them does (cells are ordered by their texts).
 * Thread-safe.
 */
final class SharedIds {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> texts = new ArrayList<>();

    /**
     * @param text an id text
     * @return its number
     */
    synchronized int id(String text) {
        Integer known = ids.get(text);
        if (known != null) {
            return known;
        }
        int id = texts.size();
        texts.add(text);
        ids.put(text, id);
        return id;
    }

    /** @return every text, indexed by its number */
    synchronized String[] texts() {
        return texts.toArray(new String[0]);
    }
}
