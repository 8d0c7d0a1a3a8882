package io.aurabilling.usage;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The dimensions of a read: those an invoice uses for names and unknown-id reports, and the
 * others that were present.
 *
 * @param components {@code D_Aura_Component}: component id to name
 * @param apps {@code D_Aura_App}: app id to name
 * @param channels {@code D_Aura_Channel}: channel id to name
 * @param presets {@code D_Aura_Preset}: preset name to display name
 * @param countries {@code D_Gbl_Country}: country code to name
 * @param others the dimensions no invoice field uses ({@code D_Aura_Skill}, {@code D_Aura_Recognizer},
 *               {@code D_Gbl_Brand}, {@code D_Gbl_Contact_Channel}) that the source had, by dataset name
 *               (sorted): names for callers' own reports; their files are in the lineage like any input
 */
public record Dimensions(Dimension components, Dimension apps, Dimension channels, Dimension presets,
                         Dimension countries, SortedMap<String, Dimension> others) {

    /** Validates the components and copies {@code others}. */
    public Dimensions {
        requireNonNull(components, "components is null");
        requireNonNull(apps, "apps is null");
        requireNonNull(channels, "channels is null");
        requireNonNull(presets, "presets is null");
        requireNonNull(countries, "countries is null");
        requireNonNull(others, "others is null");
        others.forEach((dataset, dimension) -> {
            requireNonNull(dimension, "dimension of " + dataset + " is null");
            if (!dimension.dataset().equals(dataset)) {
                throw new IllegalArgumentException("dimension of " + dimension.dataset() + " filed as " + dataset);
            }
        });
        others = Collections.unmodifiableSortedMap(new TreeMap<>(others));
    }

    /**
     * The dimensions an invoice uses, without others.
     *
     * @param components {@code D_Aura_Component}
     * @param apps {@code D_Aura_App}
     * @param channels {@code D_Aura_Channel}
     * @param presets {@code D_Aura_Preset}
     * @param countries {@code D_Gbl_Country}
     */
    public Dimensions(Dimension components, Dimension apps, Dimension channels, Dimension presets,
                      Dimension countries) {
        this(components, apps, channels, presets, countries, new TreeMap<>());
    }

    /**
     * One of the {@link #others()}.
     *
     * @param dataset its dataset name, e.g. {@code D_Gbl_Brand}
     * @return it, or an absent dimension (not loaded, no names) when the source did not have it
     */
    public Dimension other(String dataset) {
        requireNonNull(dataset, "dataset is null");
        Dimension d = others.get(dataset);
        return d != null ? d : Dimension.absent(dataset);
    }

    /** @return no dimension loaded: names are raw ids and every id is reported unknown */
    public static Dimensions none() {
        return new Dimensions(Dimension.absent("D_Aura_Component"), Dimension.absent("D_Aura_App"),
                Dimension.absent("D_Aura_Channel"), Dimension.absent("D_Aura_Preset"),
                Dimension.absent("D_Gbl_Country"));
    }
}
