package io.aurabilling.dataset;

/** One hand-made Aura_Audit row for tests; any field may be null. */
record AuditRow(String interaction, String tm, String channel, String app, String country, String service,
                String preset, String component) {

    /** A row with app {@code app1}, channel {@code ch1}, service {@code message}, no preset. */
    static AuditRow of(String interaction, String tm, String country, String component) {
        return new AuditRow(interaction, tm, "ch1", "app1", country, "message", null, component);
    }
}
