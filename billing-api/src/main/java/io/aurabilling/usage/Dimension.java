package io.aurabilling.usage;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * One dimension table reduced to what invoices need: ids and their display names.
 *
 * @param dataset the dataset it came from, e.g. {@code D_Aura_App}
 * @param loaded whether the dataset was read at all; when not, every id is unknown
 * @param names ids to names, sorted by id
 */
public record Dimension(String dataset, boolean loaded, Map<String, String> names) {

    /** Validates and copies the components. */
    public Dimension {
        requireNonNull(dataset, "dataset is null");
        names = Collections.unmodifiableMap(new TreeMap<>(requireNonNull(names, "names is null")));
    }

    /**
     * A dimension that was read.
     *
     * @param dataset the dataset name
     * @param names ids to names
     * @return the dimension
     */
    public static Dimension of(String dataset, Map<String, String> names) {
        return new Dimension(dataset, true, names);
    }

    /**
     * A dimension that was not available.
     *
     * @param dataset the dataset name
     * @return an empty, not-loaded dimension
     */
    public static Dimension absent(String dataset) {
        return new Dimension(dataset, false, Map.of());
    }

    /**
     * Whether an id is in the dimension.
     *
     * @param id the id
     * @return true when known
     */
    public boolean contains(String id) {
        return names.containsKey(id);
    }

    /**
     * The display name of an id.
     *
     * @param id the id
     * @return its name, or empty when unknown
     */
    public Optional<String> name(String id) {
        return Optional.ofNullable(names.get(id));
    }
}
