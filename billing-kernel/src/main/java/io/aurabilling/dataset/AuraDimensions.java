package io.aurabilling.dataset;

import io.aurabilling.usage.Dimension;
import io.aurabilling.usage.Dimensions;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * The dimension datasets Aura publishes and the two fields billing reads from each: the id and
 * its display name. Shared by every reader (embedded, Spark) so that they load the same ones.
 */
public final class AuraDimensions {
    /**
     * A dimension dataset and the fields read from it.
     *
     * @param dataset the dataset name, e.g. {@code D_Aura_App}
     * @param keyField the id field
     * @param nameField the display-name field
     */
    public record Fields(String dataset, String keyField, String nameField) {
        /** Validates the components. */
        public Fields {
            requireNonNull(dataset, "dataset is null");
            requireNonNull(keyField, "keyField is null");
            requireNonNull(nameField, "nameField is null");
        }
    }

    /** The dimensions invoices use, in the order of {@link io.aurabilling.usage.Dimensions}' components. */
    public static final List<Fields> INVOICED = List.of(
            new Fields("D_Aura_Component", "AURA_COMPONENT_ID", "AURA_COMPONENT_NAME"),
            new Fields("D_Aura_App", "AURA_APP_ID", "AURA_APP_NAME"),
            new Fields("D_Aura_Channel", "AURA_CHANNEL_ID", "AURA_CHANNEL_NAME"),
            new Fields("D_Aura_Preset", "AURA_PRESET_NAME", "AURA_PRESET_DISPLAY_NAME"),
            new Fields("D_Gbl_Country", "COUNTRY_3_ALPHA_CD", "COUNTRY_NAME"));

    /** The other dimensions, loaded when present ({@link io.aurabilling.usage.Dimensions#others()}). */
    public static final List<Fields> OTHERS = List.of(
            new Fields("D_Aura_Recognizer", "AURA_RECOGNIZER_ID", "AURA_RECOGNIZER_NAME"),
            new Fields("D_Aura_Skill", "AURA_SKILL_ID", "AURA_SKILL_NAME"),
            new Fields("D_Gbl_Brand", "BRAND_ID", "BRAND_NAME"),
            new Fields("D_Gbl_Contact_Channel", "CONTACT_CHANNEL_ID", "CONTACT_CHANNEL_NAME"));

    private AuraDimensions() {
    }

    /**
     * The dimensions of a read, each loaded by the reader's own means.
     *
     * @param load loads one dimension, or returns it absent ({@link Dimension#absent}) when the
     *             source does not have it
     * @return those invoices use (absent ones as absent), and the others that were loaded
     */
    public static Dimensions load(Function<Fields, Dimension> load) {
        List<Dimension> invoiced = new ArrayList<>();
        for (Fields f : INVOICED) {
            invoiced.add(load.apply(f));
        }
        SortedMap<String, Dimension> others = new TreeMap<>();
        for (Fields f : OTHERS) {
            Dimension d = load.apply(f);
            if (d.loaded()) {
                others.put(f.dataset(), d);
            }
        }
        return new Dimensions(invoiced.get(0), invoiced.get(1), invoiced.get(2), invoiced.get(3), invoiced.get(4),
                others);
    }
}
