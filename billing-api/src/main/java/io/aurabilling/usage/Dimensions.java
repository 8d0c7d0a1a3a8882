package io.aurabilling.usage;

import static java.util.Objects.requireNonNull;

/**
 * The dimensions an invoice uses for names and unknown-id reports.
 *
 * @param components {@code D_Aura_Component}: component id to name
 * @param apps {@code D_Aura_App}: app id to name
 * @param channels {@code D_Aura_Channel}: channel id to name
 * @param presets {@code D_Aura_Preset}: preset name to display name
 * @param countries {@code D_Gbl_Country}: country code to name
 */
public record Dimensions(Dimension components, Dimension apps, Dimension channels, Dimension presets,
                         Dimension countries) {

    /** Validates the components. */
    public Dimensions {
        requireNonNull(components, "components is null");
        requireNonNull(apps, "apps is null");
        requireNonNull(channels, "channels is null");
        requireNonNull(presets, "presets is null");
        requireNonNull(countries, "countries is null");
    }

    /** @return no dimension loaded: names are raw ids and every id is reported unknown */
    public static Dimensions none() {
        return new Dimensions(Dimension.absent("D_Aura_Component"), Dimension.absent("D_Aura_App"),
                Dimension.absent("D_Aura_Channel"), Dimension.absent("D_Aura_Preset"),
                Dimension.absent("D_Gbl_Country"));
    }
}
