package io.aurabilling.dataset.synthetic;

import org.apache.avro.util.Utf8;

/**
 * One mutable {@code Aura_Audit} row, reused for every row a writer emits so that the hot
 * path allocates nothing. Dimension values point at shared, never-mutated {@link Utf8}s;
 * the id and the timestamp are filled in place.
 */
final class AuditRow {
    /** Row whose timestamp is valid and inside the period in its OB's zone. */
    static final byte IN_PERIOD = 0;
    /** Row whose timestamp text is not parseable. */
    static final byte BAD_TIMESTAMP = 1;
    /** Row whose timestamp is valid but outside the period in its OB's zone. */
    static final byte OUT_OF_PERIOD = 2;

    /** Flag: the app id is absent from {@code D_Aura_App}. */
    static final byte UNKNOWN_APP = 1;
    /** Flag: the component id is absent from {@code D_Aura_Component}. */
    static final byte UNKNOWN_COMPONENT = 2;

    final Utf8 interactionId = new Utf8(new byte[36]);
    final Utf8 auraTm = new Utf8(new byte[48]);
    Utf8 channel;
    Utf8 app;
    Utf8 country;
    int service;
    Utf8 preset;
    Utf8 component;
    Utf8 dayDt;

    /** Bookkeeping for the summary, not written: the OB's index in the options. */
    int ob;
    /** Bookkeeping for the summary, not written: {@link #IN_PERIOD}, {@link #BAD_TIMESTAMP} or {@link #OUT_OF_PERIOD}. */
    byte status;
    /** Bookkeeping for the summary, not written: {@link #UNKNOWN_APP}, {@link #UNKNOWN_COMPONENT}. */
    byte flags;

    /**
     * Makes this row an exact copy of another.
     *
     * @param other the row to copy
     */
    void copyFrom(AuditRow other) {
        interactionId.set(other.interactionId);
        auraTm.set(other.auraTm);
        channel = other.channel;
        app = other.app;
        country = other.country;
        service = other.service;
        preset = other.preset;
        component = other.component;
        dayDt = other.dayDt;
        ob = other.ob;
        status = other.status;
        flags = other.flags;
    }
}
