package io.aurabilling.invoice;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Ids of an OB's billed rows that are missing from their dimension, with their query
 * counts, ids sorted.
 *
 * @param component component ids missing from {@code D_Aura_Component}
 * @param app app ids missing from {@code D_Aura_App}
 * @param channel channel ids missing from {@code D_Aura_Channel}
 * @param preset preset names missing from {@code D_Aura_Preset}
 */
public record UnknownIds(SortedMap<String, Long> component, SortedMap<String, Long> app,
                         SortedMap<String, Long> channel, SortedMap<String, Long> preset) {

    /** No unknown id. */
    public static final UnknownIds NONE = new UnknownIds(new TreeMap<>(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());

    /** Copies the maps. */
    public UnknownIds {
        component = copy(component);
        app = copy(app);
        channel = copy(channel);
        preset = copy(preset);
    }

    private static SortedMap<String, Long> copy(Map<String, Long> m) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(m));
    }

    /** @return whether every id was known */
    public boolean isEmpty() {
        return component.isEmpty() && app.isEmpty() && channel.isEmpty() && preset.isEmpty();
    }
}
